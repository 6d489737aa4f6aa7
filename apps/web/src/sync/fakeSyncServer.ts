import {
  PROTOCOL_VERSION,
  syncRequestSchema,
  type Acknowledgment,
  type Operation,
  type Product,
  type SyncResponse,
} from '@opentill/domain';

/**
 * Tests only: a tiny in-memory stand-in for POST /api/v1/sync that keeps the
 * protocol's promises (docs/API.md): each opId applied once, seq in order with
 * gaps refused, stored answers returned for retries. Used as a mocked fetch.
 */
export class FakeSyncServer {
  readonly applied = new Map<string, Acknowledgment>();
  readonly requests: ReturnType<typeof syncRequestSchema.parse>[] = [];
  nextSeq = 1;
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
      const request = syncRequestSchema.parse(JSON.parse(String(init?.body)));
      this.requests.push(request);
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

  storedCount(type: Operation['type']): number {
    return [...this.applied.values()].filter((ack) => ack.status !== 'rejected' && this.types.get(ack.opId) === type)
      .length;
  }

  private readonly types = new Map<string, Operation['type']>();

  private handle(request: ReturnType<typeof syncRequestSchema.parse>): SyncResponse {
    const acknowledgments: Acknowledgment[] = [];
    let gap = false;
    for (const operation of request.pendingOperations) {
      const stored = this.applied.get(operation.opId);
      if (stored) {
        acknowledgments.push(stored);
        continue;
      }
      if (gap || operation.seq !== this.nextSeq) {
        gap = true;
        acknowledgments.push({
          opId: operation.opId,
          seq: operation.seq,
          localId: operation.localId,
          status: 'refused',
          error: { code: 'OT_ERR_SEQUENCE_GAP', message: 'An earlier operation has not arrived.' },
        });
        continue;
      }
      this.nextSeq += 1;
      const ack: Acknowledgment = this.rejectLocalIds.has(operation.localId)
        ? {
            opId: operation.opId,
            seq: operation.seq,
            localId: operation.localId,
            status: 'rejected',
            error: { code: 'OT_ERR_SALE_INVALID', message: 'The sale does not add up.' },
          }
        : { opId: operation.opId, seq: operation.seq, localId: operation.localId, status: 'created', serverId: 'srv' };
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
      conflicts: [],
      acknowledgments,
    };
  }
}
