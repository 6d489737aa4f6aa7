import {
  LANE_OF_TYPE,
  PROTOCOL_VERSION,
  demandOf,
  judgeSales,
  linkMatches,
  saleContent,
  syncRequestSchema,
  type Acknowledgment,
  type Conflict,
  type Lane,
  type Operation,
  type OperationErrorCode,
  type Product,
  type RosterEntry,
  type StockException,
  type StockLevel,
  type StockPosition,
  type SyncRequest,
  type SyncResponse,
} from '@opentill/domain';
import { decodeJsonBody } from './compression';

/**
 * Tests only: a tiny in-memory stand-in for POST /api/v1/sync that keeps the
 * protocol's promises (docs/API.md): each opId applied once, seq in order per
 * lane with gaps refused, stored answers returned for retries, sales checked
 * against their chain hash, stale product edits answered as conflicts, deletions
 * as tombstones, and stock for one branch: receipts and adjustments move it, sales
 * are judged by the domain's `judgeSales` (a `reject` product short of stock
 * refuses the sale as an OUT_OF_STOCK conflict, a `flag` one opens or grows an
 * exception), figures and exceptions pulled by a second cursor position. Reads
 * gzip bodies. Also answers GET /api/v1/staff/roster with `roster`. `revoke()` plays the owner
 * removing the device (SPEC ID10): sales are still kept (flagged), anything else is rejected
 * with OT_ERR_DEVICE_REVOKED, answers say `deviceRevoked` and pull nothing, and the roster
 * answers 401 OT_ERR_DEVICE_UNKNOWN. Used as a mocked fetch.
 */
export class FakeSyncServer {
  readonly applied = new Map<string, Acknowledgment>();
  readonly requests: SyncRequest[] = [];
  /** Content-Encoding of each request, in order (null: plain JSON). */
  readonly encodings: (string | null)[] = [];
  /** The next seq expected in each lane. */
  readonly nextSeq: Record<Lane, number> = { critical: 1, high: 1, medium: 1 };
  /** The change feed: every product version in commit order (tombstones included). */
  products: Product[] = [];
  /** The branch's stock feed: every figure and exception change in commit order. */
  stockFeed: ({ level: StockLevel } | { exception: StockException })[] = [];
  readonly positions = new Map<string, StockPosition>();
  readonly exceptions = new Map<string, StockException>();
  pageSize = 500;
  /** Operations (by localId) to reject, with this error. */
  rejectLocalIds = new Set<string>();
  /** Answers to lose after applying (the network drops them on the way back). */
  loseAnswers = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** The branch's staff, as GET /api/v1/staff/roster answers; its requests' tokens in order. */
  roster: RosterEntry[] = [];
  readonly rosterRequests: (string | null)[] = [];
  /** Set by revoke(): the owner removed the device. */
  revoked = false;
  /** Local ids of the sales kept from the device after it was revoked, flagged for the owner. */
  readonly flaggedSales = new Set<string>();

  /** The owner removes the device: from now on it may only deliver its sales. */
  revoke(): void {
    this.revoked = true;
  }

  readonly fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (String(url).endsWith('/api/v1/staff/roster')) {
      this.rosterRequests.push(new Headers(init?.headers).get('authorization'));
      if (this.revoked) {
        const error = { code: 'OT_ERR_DEVICE_UNKNOWN', message: 'This device is not registered with the shop.' };
        return Response.json({ error }, { status: 401 });
      }
      return Response.json({ staff: this.roster });
    }
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await Promise.resolve();
      const encoding = new Headers(init?.headers).get('content-encoding');
      const text = await decodeJsonBody(init?.body as string | Blob, encoding);
      const request = syncRequestSchema.parse(JSON.parse(text));
      this.requests.push(request);
      this.encodings.push(encoding);
      const answer = this.handle(request);
      if (this.loseAnswers > 0) {
        this.loseAnswers -= 1;
        throw new TypeError('Failed to fetch');
      }
      return Response.json(answer);
    } finally {
      this.inFlight -= 1;
    }
  };

  /** The server's current copy of a product (the last in the feed), tombstones included. */
  current(id: string): Product | undefined {
    return this.products.findLast((product) => product.id === id);
  }

  onHand(productId: string): number {
    return this.positions.get(productId)?.onHand ?? 0;
  }

  openException(productId: string): StockException | undefined {
    return [...this.exceptions.values()].find((e) => e.productId === productId && e.status === 'open');
  }

  storedCount(type: Operation['type']): number {
    return [...this.applied.values()].filter(
      (ack) => ack.status !== 'rejected' && ack.status !== 'conflict' && this.types.get(ack.opId) === type,
    ).length;
  }

  private readonly types = new Map<string, Operation['type']>();

  private handle(request: SyncRequest): SyncResponse {
    const acknowledgments: Acknowledgment[] = [];
    const conflicts: { opId: string; conflict: Conflict }[] = [];
    const gap = new Set<Lane>();
    for (const operation of request.pendingOperations) {
      const stored = this.applied.get(operation.opId);
      if (stored) {
        acknowledgments.push(stored);
        continue;
      }
      const header = { opId: operation.opId, lane: operation.lane, seq: operation.seq, localId: operation.localId };
      if (gap.has(operation.lane) || operation.seq !== this.nextSeq[operation.lane]) {
        gap.add(operation.lane);
        acknowledgments.push({
          ...header,
          status: 'refused',
          error: { code: 'OT_ERR_SEQUENCE_GAP', message: 'An earlier operation has not arrived.' },
        });
        continue;
      }
      this.nextSeq[operation.lane] += 1;
      const ack = this.apply(operation, header);
      if (ack.conflict) conflicts.push({ opId: ack.opId, conflict: ack.conflict });
      this.applied.set(operation.opId, ack);
      this.types.set(operation.opId, operation.type);
      acknowledgments.push(ack);
    }
    if (this.revoked) {
      // A removed device pulls nothing more: empty changes, its own cursor back.
      return {
        protocolVersion: PROTOCOL_VERSION,
        syncTimestamp: new Date().toISOString(),
        cursor: request.cursor ?? '0:0',
        hasMore: false,
        serverChanges: { products: [], sales: [], stock: [], stockExceptions: [] },
        deviceRevoked: true,
        conflicts,
        acknowledgments,
      };
    }
    // The cursor: positions in the product feed and in the stock feed.
    const [from = 0, stockFrom = 0] = (request.cursor ?? '0:0').split(':').map(Number);
    const page = this.products.slice(from, from + this.pageSize);
    const stockPage = this.stockFeed.slice(stockFrom, stockFrom + this.pageSize);
    const next = from + page.length;
    const stockNext = stockFrom + stockPage.length;
    return {
      protocolVersion: PROTOCOL_VERSION,
      syncTimestamp: new Date().toISOString(),
      cursor: `${next}:${stockNext}`,
      hasMore: next < this.products.length || stockNext < this.stockFeed.length,
      serverChanges: {
        products: page,
        sales: [],
        stock: stockPage.flatMap((change) => ('level' in change ? [change.level] : [])),
        stockExceptions: stockPage.flatMap((change) => ('exception' in change ? [change.exception] : [])),
      },
      conflicts,
      acknowledgments,
    };
  }

  private apply(operation: Operation, header: Omit<Acknowledgment, 'status'>): Acknowledgment {
    const reject = (code: OperationErrorCode, message: string) =>
      ({ ...header, status: 'rejected', error: { code, message } }) as const;
    if (operation.lane !== LANE_OF_TYPE[operation.type]) return reject('OT_ERR_LANE_MISMATCH', 'Wrong lane.');
    if (this.revoked && operation.type !== 'CREATE_SALE') {
      return reject('OT_ERR_DEVICE_REVOKED', 'The owner removed this device from the shop.');
    }
    if (this.rejectLocalIds.has(operation.localId)) return reject('OT_ERR_SALE_INVALID', 'The sale does not add up.');
    const lastModified = new Date().toISOString();
    switch (operation.type) {
      case 'CREATE_SALE':
        if (!linkMatches(saleContent(operation.data), operation.data.chain)) {
          return reject('OT_ERR_CHAIN_INVALID', 'The chain hash does not match.');
        }
        if (this.revoked) this.flaggedSales.add(operation.localId);
        return this.sell(operation.data, header);
      case 'UPSERT_PRODUCT': {
        const input = operation.data;
        const existing = this.current(input.id);
        if (
          existing &&
          (existing.deleted || (input.baseVersion !== undefined && input.baseVersion !== existing.syncVersion))
        ) {
          const conflict: Conflict = {
            kind: 'STALE_EDIT',
            entity: 'product',
            recordId: input.id,
            server: existing,
            device: input,
          };
          return { ...header, status: 'conflict', conflict };
        }
        this.products.push({
          id: input.id,
          name: input.name,
          price: input.price,
          barcode: input.barcode ?? null,
          category: input.category ?? null,
          // The pharmacy fields (SPEC CA) as the server keeps them: absent keeps what it had.
          alternateBarcodes: input.alternateBarcodes ?? existing?.alternateBarcodes ?? [],
          brandName: input.brandName === undefined ? (existing?.brandName ?? null) : input.brandName,
          cost: input.cost === undefined ? (existing?.cost ?? null) : input.cost,
          requiresPrescription: input.requiresPrescription ?? existing?.requiresPrescription ?? false,
          schedule: input.schedule === undefined ? (existing?.schedule ?? null) : input.schedule,
          reorderLevel: input.reorderLevel === undefined ? (existing?.reorderLevel ?? null) : input.reorderLevel,
          isActive: input.isActive ?? true,
          trackStock: input.trackStock ?? existing?.trackStock ?? false,
          oversellPolicy:
            input.oversellPolicy === undefined ? (existing?.oversellPolicy ?? null) : input.oversellPolicy,
          syncVersion: (existing?.syncVersion ?? 0) + 1,
          lastModified,
        });
        const settings = this.current(input.id);
        const position = this.position(input.id);
        position.tracked = settings?.trackStock ?? false;
        position.policy = settings?.oversellPolicy ?? 'flag';
        return { ...header, status: existing ? 'updated' : 'created', serverId: input.id };
      }
      case 'DELETE_PRODUCT': {
        const existing = this.current(operation.data.id);
        if (existing && !existing.deleted) {
          this.products.push({
            ...existing,
            isActive: false,
            syncVersion: existing.syncVersion + 1,
            lastModified,
            deleted: true,
          });
        }
        return { ...header, status: 'deleted' };
      }
      case 'REFUND_SALE':
        if (operation.data.restock) for (const item of operation.data.items) this.move(item.productId, item.quantity);
        return { ...header, status: 'created', serverId: operation.localId };
      case 'RECEIVE_STOCK':
        this.move(operation.data.productId, operation.data.quantity);
        return { ...header, status: 'created', serverId: operation.localId };
      case 'ADJUST_STOCK':
      case 'RESOLVE_STOCK_EXCEPTION': {
        const { exceptionId } = operation.data;
        const exception = exceptionId === undefined ? undefined : this.exceptions.get(exceptionId);
        if (exceptionId !== undefined && !exception) {
          return reject('OT_ERR_EXCEPTION_UNKNOWN', 'This stock exception does not exist at this branch.');
        }
        if (operation.type === 'ADJUST_STOCK') this.move(operation.data.productId, operation.data.delta);
        const resolvedNow = exception?.status === 'open';
        if (exception && resolvedNow) {
          const resolution = operation.type === 'ADJUST_STOCK' ? 'adjusted' : 'accepted';
          this.changeException({ ...exception, status: 'resolved', resolution, resolvedAt: lastModified });
        }
        const status = operation.type === 'RESOLVE_STOCK_EXCEPTION' && !resolvedNow ? 'updated' : 'created';
        return { ...header, status, serverId: operation.localId };
      }
      // Transfers are tested against the real server.
      case 'DISPATCH_TRANSFER':
      case 'RECEIVE_TRANSFER':
      case 'RESOLVE_TRANSFER':
      case 'REPORT_PIN_FAILURE':
      case 'RECORD_REPRINT':
      case 'OPEN_SHIFT':
      case 'RECORD_CASH_MOVEMENT':
      case 'CLOSE_SHIFT':
        return { ...header, status: 'created' };
      // Customers are not pulled from this double: their balances are tested against the real server.
      case 'UPSERT_CUSTOMER':
      case 'RECORD_ACCOUNT_PAYMENT':
        return { ...header, status: 'created', serverId: operation.localId };
    }
  }

  private position(productId: string): StockPosition {
    let position = this.positions.get(productId);
    if (!position) {
      position = { onHand: 0, tracked: false, policy: 'flag' };
      this.positions.set(productId, position);
    }
    return position;
  }

  private move(productId: string, delta: number): void {
    const position = this.position(productId);
    position.onHand += delta;
    this.stockFeed.push({ level: { productId, onHand: position.onHand } });
  }

  private changeException(exception: StockException): void {
    this.exceptions.set(exception.id, exception);
    this.stockFeed.push({ exception });
  }

  /** A sale judged against the branch's stock, as the server does (SPEC ST2–ST4). */
  private sell(sale: Extract<Operation, { type: 'CREATE_SALE' }>['data'], header: Omit<Acknowledgment, 'status'>) {
    const serverId = crypto.randomUUID();
    const [verdict] = judgeSales(this.positions, [sale]);
    if (!verdict?.accepted) {
      const conflict: Conflict = {
        kind: 'OUT_OF_STOCK',
        entity: 'sale',
        recordId: sale.localId,
        shortages: verdict?.shortages ?? [],
      };
      return { ...header, status: 'conflict', serverId, conflict } as const;
    }
    for (const productId of demandOf(sale).keys()) {
      this.stockFeed.push({ level: { productId, onHand: this.onHand(productId) } });
    }
    for (const { productId, shortfall } of verdict.shortfalls) {
      const open = this.openException(productId);
      this.changeException({
        id: open?.id ?? crypto.randomUUID(),
        productId,
        productName: this.current(productId)?.name ?? 'Unknown product',
        kind: 'OVERSELL',
        shortfall: (open?.shortfall ?? 0) + shortfall,
        saleIds: [...(open?.saleIds ?? []), serverId],
        status: 'open',
        resolution: null,
        createdAt: open?.createdAt ?? new Date().toISOString(),
        resolvedAt: null,
      });
    }
    return { ...header, status: 'created', serverId } as const;
  }
}
