import {
  demandOf,
  judgeSales,
  shopDateOf,
  type BatchRefusalReason,
  type PulledBatch,
  type AdjustStock,
  type ReceiveStock,
  type Shortage,
  type StockException,
  type StockLevel,
  type StockPosition,
  type StockVerdict,
} from '@opentill/domain';
import type { Executor } from '../db/client.js';
import type { StockReturn } from '../sales/refunds.service.js';
import { countOrderedReceipts } from '../suppliers/purchase-order-receipts.js';
import { BatchBook } from './batch-book.js';
import {
  insertBatches,
  listBatchChanges,
  moveBatches,
  readBatches,
  readSaleAllocations,
} from './batches.repository.js';
import {
  insertLedgerEntries,
  listBranchChanges,
  readStockFlags,
  lockBranchStock,
  lockException,
  moveLevels,
  raiseExceptions,
  readLevels,
  readStockRules,
  resolveException,
  takeStockSeqs,
  type BranchRef,
  type LedgerEntry,
  type Shortfall,
  type StockRule,
} from './stock.repository.js';

/** A stock movement of the push, with who made it (ID3). */
export type StockOperation = { opId: string; actorId: string } & (
  | { type: 'RECEIVE_STOCK'; data: ReceiveStock }
  | { type: 'ADJUST_STOCK'; data: AdjustStock }
  | { type: 'RESOLVE_STOCK_EXCEPTION'; data: { exceptionId: string } }
);

export type StockOperationResult = 'created' | 'updated' | 'unknown-exception' | BatchRefusalReason;

/** A sale stored by this push (a retried sale moved its stock the first time). */
export interface SaleToSettle {
  id: string;
  opId: string;
  userId: string;
  /** When it was sold: the day its batches are judged on (BT2), not the day it arrived. */
  createdAt: string;
  items: readonly { productId: string; quantity: number; batchId?: string }[];
}

export interface StockOrigin extends BranchRef {
  deviceId: string;
}

/** The stock side of a push, judged; `finish` moves the figures and must be the push's last write. */
export interface StockSettlement {
  results: StockOperationResult[];
  /** The sales refused under `reject` (ST3), by sale id, with what each lacked. */
  refusals: Map<string, Shortage[]>;
  finish(): Promise<void>;
}

const namesBatch = (operation: StockOperation) =>
  ('lot' in operation.data && operation.data.lot !== undefined) ||
  ('batchId' in operation.data && operation.data.batchId !== undefined);

/**
 * The stock side of one push (SPEC ST1–ST7, BT). Receipts, adjustments and
 * resolutions apply in order, then the push's new sales, judged against what
 * is left (`judgeSales`); the ledger is written at once, the figures by
 * `finish`, last, set-based and numbered from the branch's counter.
 *
 * The branch's stock lock is the push's bottleneck (every till of a branch
 * sells the same bread), so it is taken as late as the rules allow. When no
 * product involved can refuse a sale, none is kept in batches and no exception
 * is named, the verdicts do not depend on the figures: everything is written
 * first and the lock is taken by `finish`, whose returned figures tell the
 * shortfalls (ST4). Otherwise the lock is taken first and the figures (and
 * batches) read under it.
 */
export async function settleStock(
  tx: Executor,
  origin: StockOrigin,
  operations: readonly StockOperation[],
  sales: readonly SaleToSettle[],
  returns: readonly StockReturn[] = [],
): Promise<StockSettlement> {
  const productIds = new Set<string>();
  for (const operation of operations) if ('productId' in operation.data) productIds.add(operation.data.productId);
  for (const sale of sales) for (const { productId } of sale.items) productIds.add(productId);
  for (const { items } of returns) for (const { productId } of items) productIds.add(productId);
  const ids = [...productIds];
  const namesException = operations.some((operation) => 'exceptionId' in operation.data && operation.data.exceptionId);
  const flags = ids.length > 0 ? await readStockFlags(tx, origin, ids) : { mayRefuse: false, hasBatches: false };
  const withBatches = flags.hasBatches || operations.some(namesBatch);
  const careful = namesException || flags.mayRefuse || withBatches;
  const locked = careful ? await lockAndRead(tx, origin, ids) : null;
  const book = withBatches ? new BatchBook(origin.branchId, await readBatches(tx, origin.branchId, ids)) : null;
  const today = shopDateOf(new Date());

  const ledger: LedgerEntry[] = [];
  const resolutions = new Map<string, 'adjusted' | 'accepted'>();
  const results: StockOperationResult[] = [];
  const stockDeltas: { productId: string; delta: number }[] = [];
  for (const operation of operations) {
    const exceptionId = 'exceptionId' in operation.data ? operation.data.exceptionId : undefined;
    const exception = exceptionId ? await lockException(tx, origin, exceptionId) : undefined;
    if (
      exceptionId &&
      (!exception || ('productId' in operation.data && exception.productId !== operation.data.productId))
    ) {
      results.push('unknown-exception');
      continue;
    }
    if (operation.type === 'RESOLVE_STOCK_EXCEPTION') {
      if (exceptionId && exception?.status === 'open') resolutions.set(exceptionId, 'accepted');
      results.push(exception?.status === 'open' ? 'created' : 'updated');
      continue;
    }
    const moved =
      operation.type === 'RECEIVE_STOCK'
        ? (book?.receive(operation.data, today) ?? unbatched(operation.data.productId, operation.data.quantity))
        : (book?.adjust(operation.data) ?? unbatched(operation.data.productId, operation.data.delta));
    if (!moved.ok) {
      results.push(moved.reason);
      continue;
    }
    if (exceptionId && exception?.status === 'open') resolutions.set(exceptionId, 'adjusted');
    for (const { productId, batchId, delta } of moved.moves) {
      stockDeltas.push({ productId, delta });
      ledger.push({
        productId,
        batchId,
        delta,
        kind: operation.type === 'RECEIVE_STOCK' ? 'receipt' : 'adjustment',
        reason: operation.type === 'ADJUST_STOCK' ? operation.data.reason : null,
        saleId: null,
        opId: operation.opId,
        userId: operation.actorId,
        note: operation.data.note ?? null,
      });
    }
    results.push('created');
  }
  // Deliveries against a purchase order count on it in this transaction (PO5), once booked.
  await countOrderedReceipts(
    tx,
    origin,
    operations.flatMap((operation, i) =>
      operation.type === 'RECEIVE_STOCK' && operation.data.purchaseOrderId !== undefined && results[i] === 'created'
        ? [
            {
              opId: operation.opId,
              actorId: operation.actorId,
              purchaseOrderId: operation.data.purchaseOrderId,
              productId: operation.data.productId,
              quantity: operation.data.quantity,
              lot: operation.data.lot ?? null,
              expiresOn: operation.data.expiresOn ?? null,
            },
          ]
        : [],
    ),
  );

  /**
   * Judges the sales from the figures before the push, after its receipts and
   * adjustments; a product without a rule counts as untracked (ST5). Units in
   * batches expired by the push's first day of sale are not there to sell (BT2).
   */
  const firstSaleDay = sales.map((sale) => shopDateOf(sale.createdAt)).sort()[0] ?? today;
  const judge = (rules: ReadonlyMap<string, StockRule>, before: ReadonlyMap<string, number>) => {
    const positions = new Map<string, StockPosition>();
    for (const [productId, rule] of rules) {
      const expired = book?.expiredUnits(productId, firstSaleDay) ?? 0;
      positions.set(productId, { ...rule, onHand: (before.get(productId) ?? 0) - expired });
    }
    for (const { productId, delta } of stockDeltas) {
      const position = positions.get(productId);
      if (position) position.onHand += delta;
    }
    return judgeSales(positions, sales);
  };
  const verdicts = locked ? judge(locked.rules, locked.levels) : null;
  const refusals = new Map<string, Shortage[]>();
  for (const [index, sale] of sales.entries()) {
    const verdict = verdicts?.[index];
    if (verdict?.accepted === false) {
      refusals.set(sale.id, verdict.shortages);
      continue;
    }
    const soldOn = shopDateOf(sale.createdAt);
    const unbatchedLines = sale.items.filter(({ productId }) => !book?.keeps(productId));
    const moves = [
      ...sale.items.flatMap((line) => (book?.keeps(line.productId) ? book.sell(sale.id, line, soldOn) : [])),
      ...[...demandOf({ items: unbatchedLines })].map(([productId, quantity]) => ({
        productId,
        batchId: null,
        delta: -quantity,
      })),
    ];
    for (const { productId, batchId, delta } of moves) {
      ledger.push({ ...movedBy(sale), productId, batchId, delta, kind: 'sale' });
    }
  }
  // Goods refunded back to the shelf count after the push's sales: they cannot hide a shortfall (RF5).
  const saleMoves =
    book && returns.length > 0
      ? await readSaleAllocations(
          tx,
          returns.map(({ saleId }) => saleId),
        )
      : new Map();
  for (const { saleId, opId, userId, items } of returns) {
    for (const item of items) {
      const moves = book?.keeps(item.productId)
        ? book.refund(saleId, item, saleMoves.get(saleId) ?? { taken: [], returned: [] })
        : [{ productId: item.productId, batchId: null, delta: item.quantity }];
      for (const { productId, batchId, delta } of moves) {
        ledger.push({ productId, batchId, delta, kind: 'refund', reason: null, saleId, opId, userId, note: null });
      }
    }
  }
  await insertLedgerEntries(tx, origin, ledger);

  async function finish(): Promise<void> {
    const net = new Map<string, number>();
    for (const { productId, delta } of ledger) net.set(productId, (net.get(productId) ?? 0) + delta);
    const returned = new Map<string, number>();
    for (const { items } of returns) {
      for (const { productId, quantity } of items) returned.set(productId, (returned.get(productId) ?? 0) + quantity);
    }
    const below = await moveLevels(
      tx,
      origin,
      [...net].map(([productId, delta]) => ({ productId, delta })),
      returned,
    );
    if (book) {
      await insertBatches(tx, origin, book.created);
      await moveBatches(tx, origin, book.netMoves());
    }
    // Without verdicts (no lock taken early), only the figures now below their floor can have fallen short.
    const shortRules = new Map(
      [...below].map(([productId, { tracked }]) => [productId, { tracked, policy: 'flag' as const }]),
    );
    const before = new Map(
      [...below].map(([productId, { onHand }]) => [productId, onHand - (net.get(productId) ?? 0)]),
    );
    const shortfalls = shortfallsOf(sales, verdicts ?? judge(shortRules, before));
    const changes = resolutions.size + shortfalls.length;
    if (changes === 0) return;
    let next = await takeStockSeqs(tx, origin.branchId, changes);
    for (const [id, how] of resolutions) {
      await resolveException(tx, id, { how, deviceId: origin.deviceId, changeSeq: next++ });
    }
    await raiseExceptions(
      tx,
      origin,
      shortfalls.map((entry) => ({ ...entry, changeSeq: next++ })),
    );
  }
  return { results, refusals, finish };
}

/** A movement of a product the branch does not keep in batches. */
function unbatched(productId: string, delta: number) {
  return { ok: true as const, moves: [{ productId, batchId: null, delta }] };
}

/** The ledger fields a sale's entries share. */
function movedBy(sale: SaleToSettle) {
  return { reason: null, saleId: sale.id, opId: sale.opId, userId: sale.userId, note: null };
}

/** Takes the branch's stock lock, then reads the rules and figures the verdicts depend on. */
async function lockAndRead(tx: Executor, origin: StockOrigin, productIds: readonly string[]) {
  await lockBranchStock(tx, origin.branchId);
  if (productIds.length === 0) return { rules: new Map<string, StockRule>(), levels: new Map<string, number>() };
  const rules = await readStockRules(tx, origin.tenantId, productIds);
  return { rules, levels: await readLevels(tx, origin.branchId, productIds) };
}

/** The units each product fell short by, gathered over the accepted sales, with the sales that did it (ST4). */
function shortfallsOf(
  sales: readonly SaleToSettle[],
  verdicts: readonly StockVerdict[],
): Omit<Shortfall, 'changeSeq'>[] {
  const shortfalls = new Map<string, Omit<Shortfall, 'changeSeq'>>();
  for (const [index, sale] of sales.entries()) {
    const verdict = verdicts[index];
    if (!verdict?.accepted) continue;
    for (const { productId, shortfall } of verdict.shortfalls) {
      const gathered = shortfalls.get(productId) ?? { productId, shortfall: 0, saleIds: [] };
      gathered.shortfall += shortfall;
      gathered.saleIds.push(sale.id);
      shortfalls.set(productId, gathered);
    }
  }
  return [...shortfalls.values()];
}

/** Opening stock received by the server itself (the demo shop), not by a device. */
export async function receiveOpeningStock(
  tx: Executor,
  branch: BranchRef,
  receipts: readonly { productId: string; quantity: number }[],
): Promise<void> {
  if (receipts.length === 0) return;
  const entries = receipts.map(({ productId, quantity }) => ({
    productId,
    batchId: null,
    delta: quantity,
    kind: 'receipt' as const,
    reason: null,
    saleId: null,
    opId: null,
    userId: null,
    note: 'Opening stock',
  }));
  await insertLedgerEntries(tx, { ...branch, deviceId: null }, entries);
  await moveLevels(
    tx,
    branch,
    receipts.map(({ productId, quantity }) => ({ productId, delta: quantity })),
  );
}

export interface StockPage {
  stock: StockLevel[];
  stockExceptions: StockException[];
  batches: PulledBatch[];
  /** The stock position after this page. */
  stockSeq: number;
  hasMore: boolean;
}

/**
 * The branch's stock feed after `afterSeq`: figures, exceptions and batches
 * share the branch's counter, so the page is the first `limit` of all three in
 * change order.
 */
export async function pullStock(db: Executor, branchId: string, afterSeq: number, limit: number): Promise<StockPage> {
  const [{ levels, exceptions }, batchChanges] = await Promise.all([
    listBranchChanges(db, branchId, afterSeq, limit + 1),
    listBatchChanges(db, branchId, afterSeq, limit + 1),
  ]);
  const merged = [
    ...levels.map((level) => ({ changeSeq: level.changeSeq, level })),
    ...exceptions.map((exception) => ({ changeSeq: exception.changeSeq, exception })),
    ...batchChanges.map((batch) => ({ changeSeq: batch.changeSeq, batch })),
  ].sort((a, b) => a.changeSeq - b.changeSeq);
  const page = merged.slice(0, limit);
  const stock: StockLevel[] = [];
  const stockExceptions: StockException[] = [];
  const batches: PulledBatch[] = [];
  for (const entry of page) {
    if ('level' in entry) stock.push({ productId: entry.level.productId, onHand: entry.level.onHand });
    else if ('batch' in entry) {
      const { changeSeq: _changeSeq, ...batch } = entry.batch;
      batches.push(batch);
    } else {
      const { changeSeq: _changeSeq, ...exception } = entry.exception;
      stockExceptions.push(exception);
    }
  }
  return {
    stock,
    stockExceptions,
    batches,
    stockSeq: page.at(-1)?.changeSeq ?? afterSeq,
    hasMore: merged.length > limit,
  };
}
