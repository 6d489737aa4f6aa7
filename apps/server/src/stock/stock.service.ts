import {
  demandOf,
  judgeSales,
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
import {
  insertLedgerEntries,
  listBranchChanges,
  anyMayRefuse,
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

export type StockOperationResult = 'created' | 'updated' | 'unknown-exception';

/** A sale stored by this push (a retried sale moved its stock the first time). */
export interface SaleToSettle {
  id: string;
  opId: string;
  userId: string;
  items: readonly { productId: string; quantity: number }[];
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

/**
 * The stock side of one push (SPEC ST1–ST7). Receipts, adjustments and
 * resolutions apply in order, then the push's new sales, judged against what
 * is left (`judgeSales`); the ledger is written at once, the figures by
 * `finish`, last, set-based and numbered from the branch's counter.
 *
 * The branch's stock lock is the push's bottleneck (every till of a branch
 * sells the same bread), so it is taken as late as the rules allow. When no
 * product involved can refuse a sale and no exception is named, the verdicts do
 * not depend on the figures: everything is written first and the lock is taken
 * by `finish`, whose returned figures tell the shortfalls (ST4). Otherwise the
 * lock is taken first and the figures read under it.
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
  const careful = namesException || (ids.length > 0 && (await anyMayRefuse(tx, origin.tenantId, ids)));
  const locked = careful ? await lockAndRead(tx, origin, ids) : null;

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
    if (exceptionId && exception?.status === 'open') {
      resolutions.set(exceptionId, operation.type === 'ADJUST_STOCK' ? 'adjusted' : 'accepted');
    }
    if (operation.type === 'RESOLVE_STOCK_EXCEPTION') {
      results.push(exception?.status === 'open' ? 'created' : 'updated');
      continue;
    }
    const delta = operation.type === 'RECEIVE_STOCK' ? operation.data.quantity : operation.data.delta;
    stockDeltas.push({ productId: operation.data.productId, delta });
    ledger.push({
      productId: operation.data.productId,
      delta,
      kind: operation.type === 'RECEIVE_STOCK' ? 'receipt' : 'adjustment',
      reason: operation.type === 'ADJUST_STOCK' ? operation.data.reason : null,
      saleId: null,
      opId: operation.opId,
      userId: operation.actorId,
      note: operation.data.note ?? null,
    });
    results.push('created');
  }

  /**
   * Judges the sales from the figures before the push, after its receipts and
   * adjustments; a product without a rule counts as untracked (ST5).
   */
  const judge = (rules: ReadonlyMap<string, StockRule>, before: ReadonlyMap<string, number>) => {
    const positions = new Map<string, StockPosition>();
    for (const [productId, rule] of rules) positions.set(productId, { ...rule, onHand: before.get(productId) ?? 0 });
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
    for (const [productId, quantity] of demandOf(sale)) {
      ledger.push({
        productId,
        delta: -quantity,
        kind: 'sale',
        reason: null,
        saleId: sale.id,
        opId: sale.opId,
        userId: sale.userId,
        note: null,
      });
    }
  }
  // Goods refunded back to the shelf count after the push's sales: they cannot hide a shortfall (RF5).
  for (const { saleId, opId, userId, items } of returns) {
    for (const { productId, quantity } of items) {
      ledger.push({ productId, delta: quantity, kind: 'refund', reason: null, saleId, opId, userId, note: null });
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
  /** The stock position after this page. */
  stockSeq: number;
  hasMore: boolean;
}

/**
 * The branch's stock feed after `afterSeq`: figures and exceptions share the
 * branch's counter, so the page is the first `limit` of both in change order.
 */
export async function pullStock(db: Executor, branchId: string, afterSeq: number, limit: number): Promise<StockPage> {
  const { levels, exceptions } = await listBranchChanges(db, branchId, afterSeq, limit + 1);
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
