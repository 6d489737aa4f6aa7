import {
  demandOf,
  judgeSales,
  type AdjustStock,
  type ReceiveStock,
  type StockException,
  type StockLevel,
  type StockVerdict,
} from '@opentill/domain';
import type { Executor } from '../db/client.js';
import {
  insertLedgerEntries,
  listExceptionChanges,
  listStockChanges,
  lockException,
  lockPositions,
  moveLevels,
  raiseExceptions,
  resolveException,
  takeStockSeqs,
  type BranchRef,
  type LedgerEntry,
  type Shortfall,
} from './stock.repository.js';

export type StockOperation =
  | { opId: string; type: 'RECEIVE_STOCK'; data: ReceiveStock }
  | { opId: string; type: 'ADJUST_STOCK'; data: AdjustStock }
  | { opId: string; type: 'RESOLVE_STOCK_EXCEPTION'; data: { exceptionId: string } };

export type StockOperationResult = 'created' | 'updated' | 'unknown-exception';

/** A sale stored by this push (a retried sale moved its stock the first time). */
export interface SaleToSettle {
  id: string;
  opId: string;
  items: readonly { productId: string; quantity: number }[];
}

export interface StockOrigin extends BranchRef {
  deviceId: string;
  userId: string;
}

/**
 * The stock side of one push (SPEC ST1–ST7), its last work: locks the branch's
 * figures for every product involved (sorted, so pushes never deadlock),
 * applies receipts, adjustments and resolutions in order, judges the push's
 * new sales against what is left (`judgeSales`), then writes the ledger, the
 * figures and the exceptions set-based, numbered from the branch's stock
 * counter. Last, so the figures stay locked for as short a time as possible:
 * every till of a branch sells the same bread. The caller marks the refused sales.
 */
export async function settleStock(
  tx: Executor,
  origin: StockOrigin,
  operations: readonly StockOperation[],
  sales: readonly SaleToSettle[],
): Promise<{ results: StockOperationResult[]; verdicts: StockVerdict[] }> {
  const productIds = new Set<string>();
  for (const operation of operations) if ('productId' in operation.data) productIds.add(operation.data.productId);
  for (const sale of sales) for (const { productId } of sale.items) productIds.add(productId);
  const positions = productIds.size > 0 ? await lockPositions(tx, origin, [...productIds]) : new Map();

  const ledger: LedgerEntry[] = [];
  const resolutions = new Map<string, 'adjusted' | 'accepted'>();
  const results: StockOperationResult[] = [];
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
    if (exceptionId && exception?.status === 'open') {
      resolutions.set(exceptionId, operation.type === 'ADJUST_STOCK' ? 'adjusted' : 'accepted');
    }
    if (operation.type === 'RESOLVE_STOCK_EXCEPTION') {
      results.push(exception?.status === 'open' ? 'created' : 'updated');
      continue;
    }
    const delta = operation.type === 'RECEIVE_STOCK' ? operation.data.quantity : operation.data.delta;
    const position = positions.get(operation.data.productId);
    if (position) position.onHand += delta;
    ledger.push({
      productId: operation.data.productId,
      delta,
      kind: operation.type === 'RECEIVE_STOCK' ? 'receipt' : 'adjustment',
      reason: operation.type === 'ADJUST_STOCK' ? operation.data.reason : null,
      saleId: null,
      opId: operation.opId,
      note: operation.data.note ?? null,
    });
    results.push('created');
  }

  const verdicts = judgeSales(positions, sales);
  const shortfalls = new Map<string, Omit<Shortfall, 'changeSeq'>>();
  for (const [index, sale] of sales.entries()) {
    const verdict = verdicts[index];
    if (!verdict?.accepted) continue;
    for (const [productId, quantity] of demandOf(sale)) {
      ledger.push({
        productId,
        delta: -quantity,
        kind: 'sale',
        reason: null,
        saleId: sale.id,
        opId: sale.opId,
        note: null,
      });
    }
    for (const { productId, shortfall } of verdict.shortfalls) {
      const gathered = shortfalls.get(productId) ?? { productId, shortfall: 0, saleIds: [] };
      gathered.shortfall += shortfall;
      gathered.saleIds.push(sale.id);
      shortfalls.set(productId, gathered);
    }
  }

  const net = new Map<string, number>();
  for (const { productId, delta } of ledger) net.set(productId, (net.get(productId) ?? 0) + delta);
  const changes = net.size + resolutions.size + shortfalls.size;
  if (changes === 0) return { results, verdicts };
  await insertLedgerEntries(tx, origin, ledger);
  // Numbers are taken as late as possible: the branch row stays locked from here to commit.
  let next = await takeStockSeqs(tx, origin.branchId, changes);
  const moves = [...net].map(([productId, delta]) => ({ productId, delta, changeSeq: next++ }));
  await moveLevels(tx, origin.branchId, moves);
  for (const [id, how] of resolutions) {
    await resolveException(tx, id, { how, deviceId: origin.deviceId, changeSeq: next++ });
  }
  await raiseExceptions(
    tx,
    origin,
    [...shortfalls.values()].map((entry) => ({ ...entry, changeSeq: next++ })),
  );
  return { results, verdicts };
}

/** Opening stock received by the server itself (the demo shop), not by a device. */
export async function receiveOpeningStock(
  tx: Executor,
  branch: BranchRef,
  receipts: readonly { productId: string; quantity: number }[],
): Promise<void> {
  if (receipts.length === 0) return;
  await lockPositions(
    tx,
    branch,
    receipts.map((receipt) => receipt.productId),
  );
  let next = await takeStockSeqs(tx, branch.branchId, receipts.length);
  const entries = receipts.map(({ productId, quantity }) => ({
    productId,
    delta: quantity,
    kind: 'receipt' as const,
    reason: null,
    saleId: null,
    opId: null,
    note: 'Opening stock',
  }));
  await insertLedgerEntries(tx, { ...branch, deviceId: null, userId: null }, entries);
  await moveLevels(
    tx,
    branch.branchId,
    receipts.map(({ productId, quantity }) => ({ productId, delta: quantity, changeSeq: next++ })),
  );
}

export interface StockPage {
  stock: StockLevel[];
  stockExceptions: StockException[];
  /** The stock position after this page. */
  stockSeq: number;
  hasMore: boolean;
}

/**
 * The branch's stock feed after `afterSeq`: figures and exceptions share the
 * branch's counter, so the page is the first `limit` of both in change order.
 */
export async function pullStock(db: Executor, branchId: string, afterSeq: number, limit: number): Promise<StockPage> {
  const [levels, exceptions] = await Promise.all([
    listStockChanges(db, branchId, afterSeq, limit + 1),
    listExceptionChanges(db, branchId, afterSeq, limit + 1),
  ]);
  const merged = [
    ...levels.map((level) => ({ changeSeq: level.changeSeq, level })),
    ...exceptions.map((exception) => ({ changeSeq: exception.changeSeq, exception })),
  ].sort((a, b) => a.changeSeq - b.changeSeq);
  const page = merged.slice(0, limit);
  const stock: StockLevel[] = [];
  const stockExceptions: StockException[] = [];
  for (const entry of page) {
    if ('level' in entry) stock.push({ productId: entry.level.productId, onHand: entry.level.onHand });
    else {
      const { changeSeq: _changeSeq, ...exception } = entry.exception;
      stockExceptions.push(exception);
    }
  }
  return { stock, stockExceptions, stockSeq: page.at(-1)?.changeSeq ?? afterSeq, hasMore: merged.length > limit };
}
