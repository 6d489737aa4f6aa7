import {
  LANE_OF_TYPE,
  PROTOCOL_VERSION,
  linkMatches,
  saleContent,
  syncRequestSchema,
  type Acknowledgment,
  type Conflict,
  type Lane,
  type Operation,
  type Product,
  type SyncRequest,
  type SyncResponse,
} from '@opentill/domain';
import { decodeJsonBody } from './compression';

/**
 * Tests only: a tiny in-memory stand-in for POST /api/v1/sync that keeps the
 * protocol's promises (docs/API.md): each opId applied once, seq in order per
 * lane with gaps refused, stored answers returned for retries, sales checked
 * against their chain hash, stale product edits answered as conflicts, deletions
 * as tombstones. Reads gzip bodies. Used as a mocked fetch.
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
  pageSize = 500;
  /** Operations (by localId) to reject, with this error. */
  rejectLocalIds = new Set<string>();
  /** Answers to lose after applying (the network drops them on the way back). */
  loseAnswers = 0;
  inFlight = 0;
  maxInFlight = 0;

  readonly fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
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
    const from = request.cursor ? Number(request.cursor) : 0;
    const page = this.products.slice(from, from + this.pageSize);
    const next = from + page.length;
    return {
      protocolVersion: PROTOCOL_VERSION,
      syncTimestamp: new Date().toISOString(),
      cursor: String(next),
      hasMore: next < this.products.length,
      serverChanges: { products: page, sales: [] },
      conflicts,
      acknowledgments,
    };
  }

  private apply(operation: Operation, header: Omit<Acknowledgment, 'status'>): Acknowledgment {
    const reject = (code: 'OT_ERR_SALE_INVALID' | 'OT_ERR_CHAIN_INVALID' | 'OT_ERR_LANE_MISMATCH', message: string) =>
      ({ ...header, status: 'rejected', error: { code, message } }) as const;
    if (operation.lane !== LANE_OF_TYPE[operation.type]) return reject('OT_ERR_LANE_MISMATCH', 'Wrong lane.');
    if (this.rejectLocalIds.has(operation.localId)) return reject('OT_ERR_SALE_INVALID', 'The sale does not add up.');
    const lastModified = new Date().toISOString();
    switch (operation.type) {
      case 'CREATE_SALE':
        if (!linkMatches(saleContent(operation.data), operation.data.chain)) {
          return reject('OT_ERR_CHAIN_INVALID', 'The chain hash does not match.');
        }
        return { ...header, status: 'created', serverId: 'srv' };
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
          isActive: input.isActive ?? true,
          syncVersion: (existing?.syncVersion ?? 0) + 1,
          lastModified,
        });
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
    }
  }
}
