import { createHash, randomUUID } from 'node:crypto';
import {
  LANE_OF_TYPE,
  OPERATION_ERROR_CODES,
  PROTOCOL_VERSION,
  PULL_PAGE_SIZE,
  actionOfOperation,
  checkActor,
  countNeedsApproval,
  checkRefund,
  checkSale,
  isTooFarInFuture,
  linkMatches,
  refundTendersOf,
  saleContent,
  type Acknowledgment,
  type ActorStanding,
  type AdjustStock,
  type Action,
  type ActorCheck,
  type Operation,
  type OperationErrorCode,
  type SyncRequest,
  type SyncResponse,
} from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { readShopSettings } from '../shop/settings.repository.js';
import { AppError } from '../http/errors.js';
import { deleteProduct, listProductChanges, upsertProduct } from '../catalog/catalog.repository.js';
import { countReprint, insertSales, markSalesRefused } from '../sales/sales.repository.js';
import { settleRefunds, type RefundAnswer } from '../sales/refunds.service.js';
import { checkChainLinks, flagUnauthorizedSales } from '../audit/sale-integrity.service.js';
import { recordAudit } from '../audit/audit-log.service.js';
import { applyShiftOperation, isShiftOperation } from '../shifts/shift-operations.js';
import { customerPush, isCustomerOperation, type StoredSale } from '../customers/customer-push.js';
import { listCustomerChanges } from '../customers/customers.repository.js';
import { withBalances } from '../customers/customers.service.js';
import { pullStock, settleStock } from '../stock/stock.service.js';
import { applyTransferOperation } from '../stock/transfers.service.js';
import type { SaleSigner } from '../audit/sale-signer.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { PokeBus } from './pokes.js';
import { findDevice, lockDevice, readGeneration, readPushState, recordPush, takeChangeSeq } from './sync.repository.js';

export interface SyncService {
  sync(claims: DeviceClaims, request: SyncRequest): Promise<SyncResponse>;
}

export interface SyncDeps {
  db: Db;
  signer: SaleSigner;
  pokes: PokeBus;
  now?: () => Date;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of the operation as parsed: tells an honest retry from a reused id (SY3). */
export function hashOperation(operation: Operation): string {
  return sha256Hex(JSON.stringify(operation));
}

function answer(
  operation: Operation,
  status: Acknowledgment['status'],
  extra: Partial<Acknowledgment> = {},
): Acknowledgment {
  return {
    opId: operation.opId,
    lane: operation.lane,
    seq: operation.seq,
    localId: operation.localId,
    status,
    ...extra,
  };
}

function failure(operation: Operation, status: 'rejected' | 'refused', code: OperationErrorCode): Acknowledgment {
  return answer(operation, status, { error: { code, message: OPERATION_ERROR_CODES[code] } });
}

/** A refund's answer: `created` (applied, or waiting for its sale: RF4), or a conflict for a manager (RF3). */
function refundAnswer(operation: Operation, outcome: RefundAnswer): Acknowledgment {
  if (outcome.status === 'created') return answer(operation, 'created', { serverId: outcome.refundId });
  const { refundId: serverId, saleId, excess, overpaid } = outcome;
  return answer(operation, 'conflict', {
    serverId,
    conflict: { kind: 'REFUND_EXCEEDS_SALE', entity: 'refund', recordId: operation.localId, saleId, excess, overpaid },
  });
}

/** The conflicts among a push's answers, as the seed's `conflicts[]`. */
const conflictsOf = (acknowledgments: readonly Acknowledgment[]) =>
  acknowledgments.flatMap((ack) => (ack.conflict ? [{ opId: ack.opId, conflict: ack.conflict }] : []));

/** Statuses that changed the tenant's data, and so are worth a poke. */
const CHANGED = new Set<Acknowledgment['status']>(['created', 'updated', 'deleted']);

type Device = NonNullable<Awaited<ReturnType<typeof lockDevice>>>;

type SaleOperation = Extract<Operation, { type: 'CREATE_SALE' }>;
/** `override-not-permitted`: a line's price was changed with the approval of someone who may not (S6). */
type SaleStanding = ActorCheck | 'device-revoked' | 'override-not-permitted';
type RefundOperation = Extract<Operation, { type: 'REFUND_SALE' }>;

/** A push's operations to apply together, by kind, each with its place in the push. */
interface PushWork {
  /** `standing` other than `allowed`: the sale is kept and flagged (ID4, ID10). */
  sales: {
    index: number;
    operation: SaleOperation;
    actorId: string;
    standing: SaleStanding;
    /** BT5: its actor may pick a line's batch (`rx:dispense`); else FEFO decides for every line. */
    mayPickBatch: boolean;
  }[];
  refunds: { index: number; operation: RefundOperation; actorId: string }[];
  stockOperations: { index: number; operation: StockMovementOperation; actorId: string }[];
  /** Local ids of the device's sales that refunds are waiting for. */
  awaited: ReadonlySet<string>;
}

const STOCK_TYPES = new Set<Operation['type']>(['RECEIVE_STOCK', 'ADJUST_STOCK', 'RESOLVE_STOCK_EXCEPTION']);

type StockMovementOperation = Extract<
  Operation,
  { type: 'RECEIVE_STOCK' | 'ADJUST_STOCK' | 'RESOLVE_STOCK_EXCEPTION' }
>;

function isStockOperation(operation: Operation): operation is StockMovementOperation {
  return STOCK_TYPES.has(operation.type);
}

/**
 * The people who approved a sale's price overrides (S6) or a stock count's variance (SC3): their standing is
 * checked like an actor's.
 */
function approversOf(operation: Operation): string[] {
  if (operation.type === 'ADJUST_STOCK') return operation.data.approvedBy ? [operation.data.approvedBy] : [];
  if (operation.type !== 'CREATE_SALE') return [];
  return operation.data.items.flatMap((line) => (line.override ? [line.override.approvedBy] : []));
}

/**
 * SC3, SC4: an adjustment that names an approver moves stock only if they may approve counts; a count booked by
 * someone who may only count (`countNeedsApproval`) must name one.
 */
function adjustmentApproved(
  adjustment: AdjustStock,
  actorId: string,
  actors: ReadonlyMap<string, ActorStanding>,
): boolean {
  if (adjustment.approvedBy !== undefined) {
    return checkActor(actors.get(adjustment.approvedBy), 'stock:approve') === 'allowed';
  }
  const counter = actors.get(actorId);
  return adjustment.reason !== 'count' || (counter !== undefined && !countNeedsApproval(counter.role));
}

export async function createSyncService({ db, signer, pokes, now = () => new Date() }: SyncDeps): Promise<SyncService> {
  const generation = await readGeneration(db.orm);

  /** Checks a sale before it is stored; a sale that breaks a rule becomes a stored rejection (SY6, SY10). */
  function judgeSale(operation: SaleOperation): Acknowledgment | null {
    const sale = operation.data;
    if (isTooFarInFuture(sale.createdAt, now())) return failure(operation, 'rejected', 'OT_ERR_TIMESTAMP_FUTURE');
    if (sale.localId !== operation.localId || checkSale(sale).length > 0) {
      return failure(operation, 'rejected', 'OT_ERR_SALE_INVALID');
    }
    // Node's native SHA-256: the same hash as the device's, at a third of the cost.
    if (!linkMatches(saleContent(sale), sale.chain, sha256Hex)) {
      return failure(operation, 'rejected', 'OT_ERR_CHAIN_INVALID');
    }
    return null;
  }

  /** Checks a refund before it is stored (RF2, T1); a refund that does not add up is a stored rejection. */
  function judgeRefund(operation: RefundOperation): Acknowledgment | null {
    const refund = operation.data;
    if (isTooFarInFuture(refund.createdAt, now())) return failure(operation, 'rejected', 'OT_ERR_TIMESTAMP_FUTURE');
    if (refund.localId !== operation.localId || checkRefund(refund).length > 0) {
      return failure(operation, 'rejected', 'OT_ERR_REFUND_INVALID');
    }
    return null;
  }

  /** A device's report of a wrong PIN: an entry in the shop's audit log, in the push's transaction (AU4). */
  async function recordPinFailure(
    tx: Transaction,
    claims: DeviceClaims,
    deviceId: string,
    operation: Extract<Operation, { type: 'REPORT_PIN_FAILURE' }>,
    actorId: string,
  ): Promise<Acknowledgment> {
    await recordAudit(tx, {
      tenantId: claims.tenantId,
      action: 'auth.pin_failed',
      actorUserId: actorId,
      actorDeviceId: deviceId,
      details: { ...operation.data },
    });
    return answer(operation, 'created');
  }

  /**
   * RX2: a receipt given again: counted on its sale (if the sale is here yet; a
   * reprint never waits for it) and audited under who gave it.
   */
  async function recordReprint(
    tx: Transaction,
    claims: DeviceClaims,
    deviceId: string,
    operation: Extract<Operation, { type: 'RECORD_REPRINT' }>,
    actorId: string,
  ): Promise<Acknowledgment> {
    const reprint = operation.data;
    await countReprint(tx, claims.tenantId, reprint.sale);
    await recordAudit(tx, {
      tenantId: claims.tenantId,
      action: 'receipt.reprinted',
      actorUserId: actorId,
      actorDeviceId: deviceId,
      details: {
        saleDeviceId: reprint.sale.deviceId,
        saleLocalId: reprint.sale.localId,
        format: reprint.format,
        language: reprint.language,
        at: reprint.at,
      },
    });
    return answer(operation, 'created');
  }

  /** RF9: every refund and void in the shop's audit log, under who did it (the approving manager, by PIN). */
  async function recordRefund(
    tx: Transaction,
    origin: { tenantId: string; deviceId: string },
    operation: RefundOperation,
    actorId: string,
    outcome: RefundAnswer,
  ): Promise<void> {
    const refund = operation.data;
    await recordAudit(tx, {
      tenantId: origin.tenantId,
      action: refund.kind === 'void' ? 'sale.voided' : 'sale.refunded',
      actorUserId: actorId,
      actorDeviceId: origin.deviceId,
      details: {
        refundId: outcome.refundId,
        saleDeviceId: refund.sale.deviceId,
        saleLocalId: refund.sale.localId,
        amount: refund.amount,
        tenders: refundTendersOf(refund),
        restock: refund.restock,
        reason: refund.reason,
        exceedsSale: outcome.status === 'conflict',
      },
    });
  }

  /** S6: every overridden line of a newly stored sale is in the shop's audit log, under its cashier. */
  async function recordPriceOverrides(
    tx: Transaction,
    origin: { tenantId: string; deviceId: string },
    sales: readonly { id: string; operation: SaleOperation; actorId: string }[],
  ): Promise<void> {
    for (const { id, operation, actorId } of sales) {
      for (const line of operation.data.items) {
        if (!line.override) continue;
        await recordAudit(tx, {
          tenantId: origin.tenantId,
          action: 'sale.price_override',
          actorUserId: actorId,
          actorDeviceId: origin.deviceId,
          details: {
            saleId: id,
            saleLocalId: operation.data.localId,
            productId: line.productId,
            name: line.name,
            listPrice: line.override.listPrice,
            price: line.price,
            quantity: line.quantity,
            // The person the entry is about (AU): who approved the price.
            userId: line.override.approvedBy,
          },
        });
      }
    }
  }

  /** Applies a catalogue operation, one at a time, in the order received (SY11, SY12). */
  async function applyCatalogue(
    tx: Transaction,
    tenantId: string,
    operation: Extract<Operation, { type: 'UPSERT_PRODUCT' | 'DELETE_PRODUCT' }>,
  ): Promise<Acknowledgment> {
    const nextChange = () => takeChangeSeq(tx, tenantId);
    if (operation.type === 'DELETE_PRODUCT') {
      const outcome = await deleteProduct(tx, tenantId, operation.data.id, nextChange);
      if (outcome.status === 'foreign') return failure(operation, 'rejected', 'OT_ERR_RECORD_CONFLICT');
      return answer(operation, 'deleted', { serverId: operation.data.id });
    }
    const outcome = await upsertProduct(tx, tenantId, operation.data, nextChange);
    if (outcome.status === 'foreign') return failure(operation, 'rejected', 'OT_ERR_RECORD_CONFLICT');
    if (outcome.status === 'stale') {
      const conflict = {
        kind: 'STALE_EDIT' as const,
        entity: 'product' as const,
        recordId: operation.data.id,
        server: outcome.server,
        device: operation.data,
      };
      return answer(operation, 'conflict', { conflict });
    }
    return answer(operation, outcome.status, { serverId: outcome.id });
  }

  /**
   * Stores the push's valid sales in one statement (signed) and checks their
   * chain links; stores and judges its refunds (SPEC RF), with those that were
   * waiting for one of these sales; then settles stock (SPEC ST): a sale refused
   * for stock stays stored as `refused`, so its device's hash chain has no hole.
   * Returns the stock's last step, which the push runs last (the branch's lock
   * is held from it to commit).
   */
  async function settle(
    tx: Transaction,
    claims: DeviceClaims,
    device: Device,
    work: PushWork,
    answers: Acknowledgment[],
  ): Promise<{ finish: () => Promise<void>; stored: StoredSale[] }> {
    const { sales: accepted, refunds, stockOperations } = work;
    if (accepted.length === 0 && stockOperations.length === 0 && refunds.length === 0) {
      return { finish: async () => {}, stored: [] };
    }
    const origin = { tenantId: claims.tenantId, branchId: device.branchId, deviceId: device.id, userId: claims.userId };
    const batch = accepted.map(({ operation, actorId }) => {
      const id = randomUUID();
      const signature = signer.sign({ ...origin, saleId: id, hash: operation.data.chain.hash });
      return { sale: operation.data, userId: actorId, seal: { id, signature, signatureKeyId: signer.keyId } };
    });
    const stored = await insertSales(tx, origin, batch);
    const fresh: ((typeof accepted)[number] & { id: string })[] = [];
    for (const entry of accepted) {
      const sale = stored.get(entry.operation.localId);
      if (!sale) throw new Error(`sale ${entry.operation.localId} was neither stored nor found`);
      if (sale.inserted) fresh.push({ ...entry, id: sale.id });
      else answers[entry.index] = answer(entry.operation, 'created', { serverId: sale.id });
    }
    const seller = { tenantId: origin.tenantId, deviceId: origin.deviceId };
    await checkChainLinks(
      tx,
      seller,
      fresh.map(({ id, operation }) => ({ id, chain: operation.data.chain })),
      now(),
    );
    await flagUnauthorizedSales(
      tx,
      seller,
      fresh.flatMap(({ id, operation, actorId, standing }) =>
        standing === 'allowed' ? [] : [{ id, chainSeq: operation.data.chain.seq, actorId, standing }],
      ),
    );
    await recordPriceOverrides(tx, origin, fresh);

    const refunded = await settleRefunds(
      tx,
      origin,
      refunds.map(({ operation, actorId }) => ({ opId: operation.opId, userId: actorId, refund: operation.data })),
      { localIds: fresh.map(({ operation }) => operation.localId), awaited: work.awaited },
    );
    for (const [i, { index, operation, actorId }] of refunds.entries()) {
      const outcome = refunded.answers[i];
      if (!outcome) continue;
      answers[index] = refundAnswer(operation, outcome);
      // A refund sent again under a new operation was audited when it first came.
      if (refunded.inserted.has(outcome.refundId)) await recordRefund(tx, origin, operation, actorId, outcome);
    }

    const { results, refusals, finish } = await settleStock(
      tx,
      origin,
      stockOperations.map(({ operation, actorId }) => ({ ...operation, actorId })),
      fresh.map(({ id, operation, actorId, mayPickBatch }) => ({
        id,
        opId: operation.opId,
        userId: actorId,
        createdAt: operation.data.createdAt,
        // A pick by someone who may not pick is not a reason to refuse a sale that happened: FEFO instead (BT5).
        items: mayPickBatch ? operation.data.items : operation.data.items.map(({ batchId: _batchId, ...item }) => item),
      })),
      refunded.returns,
    );
    for (const { index, operation, id } of fresh) {
      const shortages = refusals.get(id);
      answers[index] = shortages
        ? answer(operation, 'conflict', {
            serverId: id,
            conflict: { kind: 'OUT_OF_STOCK', entity: 'sale', recordId: operation.localId, shortages },
          })
        : answer(operation, 'created', { serverId: id });
    }
    await markSalesRefused(tx, [...refusals.keys()]);
    for (const [i, { index, operation, actorId }] of stockOperations.entries()) {
      const result = results[i];
      if (result === 'created' && operation.type === 'ADJUST_STOCK' && operation.data.approvedBy) {
        await recordAudit(tx, {
          tenantId: origin.tenantId,
          action: 'stock.count_approved',
          actorUserId: actorId,
          actorDeviceId: origin.deviceId,
          details: {
            countId: operation.data.countId ?? null,
            productId: operation.data.productId,
            delta: operation.data.delta,
            // The person the entry is about (AU): who approved the variance.
            userId: operation.data.approvedBy,
          },
        });
      }
      answers[index] =
        result === 'created' || result === 'updated' || result === undefined
          ? answer(operation, result ?? 'created', { serverId: operation.localId })
          : failure(
              operation,
              'rejected',
              result === 'unknown-exception' ? 'OT_ERR_EXCEPTION_UNKNOWN' : `OT_ERR_${result}`,
            );
    }
    return { finish, stored: fresh.map(({ id, operation, actorId }) => ({ id, sale: operation.data, actorId })) };
  }

  /**
   * The push: one transaction under the device row's lock; within each lane,
   * operations in `seq` order with no gaps (SY1–SY3, SY9). Set-based: a constant
   * number of statements for the sales of a push, whatever its size.
   */
  async function push(
    claims: DeviceClaims,
    operations: readonly Operation[],
  ): Promise<{ device: Device; acknowledgments: Acknowledgment[] }> {
    return db.withTenant(claims.tenantId, async (tx) => {
      const device = await lockDevice(tx, claims.tenantId, claims.deviceId);
      if (!device) throw new AppError('OT_ERR_DEVICE_UNKNOWN');
      const actorOf = (operation: Operation) => operation.actorId ?? claims.userId;
      const { lanes, stored, awaited, actors } = await readPushState(
        tx,
        { tenantId: claims.tenantId, deviceId: device.id, branchId: device.branchId },
        operations.map((operation) => operation.opId),
        [...new Set([...operations.map(actorOf), ...operations.flatMap(approversOf)])],
      );
      const customers = customerPush(
        tx,
        { tenantId: claims.tenantId, branchId: device.branchId, deviceId: device.id },
        now(),
      );
      const blockedLanes = new Set<string>();
      const answers: Acknowledgment[] = [];
      const applied: { index: number; operation: Operation; payloadHash: string }[] = [];
      const work: PushWork = { sales: [], refunds: [], stockOperations: [], awaited };
      const seenInPush = new Map<string, { payloadHash: string; index: number }>();
      const repeats: { index: number; of: number }[] = [];

      for (const [index, operation] of operations.entries()) {
        const payloadHash = hashOperation(operation);
        const earlier = stored.get(operation.opId);
        const repeated = seenInPush.get(operation.opId);
        const lastSeq = lanes.get(operation.lane) ?? 0;
        if (earlier) {
          const same = earlier.deviceId === device.id && earlier.payloadHash === payloadHash;
          answers[index] = same ? earlier.result : failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH');
          continue;
        }
        if (repeated) {
          // The same operation twice in one push: it gets its first occurrence's answer.
          if (repeated.payloadHash === payloadHash) repeats.push({ index, of: repeated.index });
          else answers[index] = failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH');
          continue;
        }
        if (operation.seq <= lastSeq) {
          // A new id under a sequence number already used: not the same operation.
          answers[index] = failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH');
          continue;
        }
        if (blockedLanes.has(operation.lane) || operation.seq !== lastSeq + 1) {
          blockedLanes.add(operation.lane);
          answers[index] = failure(operation, 'refused', 'OT_ERR_SEQUENCE_GAP');
          continue;
        }
        seenInPush.set(operation.opId, { payloadHash, index });
        lanes.set(operation.lane, operation.seq);
        applied.push({ index, operation, payloadHash });
        const actorId = actorOf(operation);
        // A revoked device's sales still count (the customers paid), flagged; nothing else of it does (ID10).
        const standing: SaleStanding = device.revoked
          ? 'device-revoked'
          : checkActor(actors.get(actorId), actionOfOperation(operation));
        if (LANE_OF_TYPE[operation.type] !== operation.lane) {
          answers[index] = failure(operation, 'rejected', 'OT_ERR_LANE_MISMATCH');
        } else if (standing === 'unknown') {
          answers[index] = failure(operation, 'rejected', 'OT_ERR_ACTOR_UNKNOWN');
        } else if (operation.type === 'CREATE_SALE') {
          // A sale is a fact: the customer paid. One its actor may not have made is kept, and flagged (ID4).
          const rejection = judgeSale(operation);
          const overrideAllowed = approversOf(operation).every(
            (approver) => checkActor(actors.get(approver), 'price:override') === 'allowed',
          );
          if (rejection) answers[index] = rejection;
          else {
            const saleStanding = standing === 'allowed' && !overrideAllowed ? 'override-not-permitted' : standing;
            const mayPickBatch = checkActor(actors.get(actorId), 'rx:dispense') === 'allowed';
            work.sales.push({ index, operation, actorId, standing: saleStanding, mayPickBatch });
          }
        } else if (standing === 'device-revoked') {
          answers[index] = failure(operation, 'rejected', 'OT_ERR_DEVICE_REVOKED');
        } else if (standing !== 'allowed') {
          answers[index] = failure(operation, 'rejected', 'OT_ERR_NOT_PERMITTED');
        } else if (operation.type === 'REFUND_SALE') {
          const rejection = judgeRefund(operation);
          if (rejection) answers[index] = rejection;
          else work.refunds.push({ index, operation, actorId });
        } else if (operation.type === 'ADJUST_STOCK' && !adjustmentApproved(operation.data, actorId, actors)) {
          answers[index] = failure(operation, 'rejected', 'OT_ERR_NOT_PERMITTED');
        } else if (isStockOperation(operation)) {
          work.stockOperations.push({ index, operation, actorId });
        } else if (
          operation.type === 'DISPATCH_TRANSFER' ||
          operation.type === 'RECEIVE_TRANSFER' ||
          operation.type === 'RESOLVE_TRANSFER'
        ) {
          const origin = { tenantId: claims.tenantId, branchId: device.branchId, deviceId: device.id };
          const outcome = await applyTransferOperation(tx, origin, operation, actorId);
          const transferId = operation.type === 'DISPATCH_TRANSFER' ? operation.data.id : operation.data.transferId;
          answers[index] =
            outcome.status === 'rejected'
              ? failure(operation, 'rejected', outcome.code)
              : answer(operation, outcome.status, { serverId: transferId });
        } else if (operation.type === 'REPORT_PIN_FAILURE') {
          answers[index] = await recordPinFailure(tx, claims, device.id, operation, actorId);
        } else if (operation.type === 'RECORD_REPRINT') {
          answers[index] = await recordReprint(tx, claims, device.id, operation, actorId);
        } else if (isShiftOperation(operation)) {
          const origin = { tenantId: claims.tenantId, branchId: device.branchId, deviceId: device.id };
          const outcome = await applyShiftOperation(tx, origin, operation, actorId);
          answers[index] =
            outcome === 'created'
              ? answer(operation, 'created')
              : failure(
                  operation,
                  'rejected',
                  outcome === 'unknown-shift' ? 'OT_ERR_SHIFT_UNKNOWN' : 'OT_ERR_SHIFT_CLOSED',
                );
        } else if (isCustomerOperation(operation)) {
          const may = (action: Action) => checkActor(actors.get(actorId), action) === 'allowed';
          const outcome = await customers.apply(operation, actorId, may);
          answers[index] =
            outcome.status === 'rejected'
              ? failure(operation, 'rejected', outcome.code)
              : answer(operation, outcome.status, { serverId: outcome.serverId });
        } else {
          answers[index] = await applyCatalogue(tx, claims.tenantId, operation);
        }
      }

      const settled = await settle(tx, claims, device, work, answers);
      await customers.settle(
        settled.stored,
        work.refunds.map(({ operation }) => operation.data),
      );
      for (const { index, of } of repeats) answers[index] = answers[of] as Acknowledgment;
      await recordPush(
        tx,
        { tenantId: claims.tenantId, deviceId: device.id },
        applied.map(({ index, operation, payloadHash }) => ({
          opId: operation.opId,
          lane: operation.lane,
          seq: operation.seq,
          type: operation.type,
          payloadHash,
          result: answers[index] as Acknowledgment,
        })),
        lanes,
      );
      await settled.finish();
      return { device, acknowledgments: answers };
    });
  }

  async function requireDevice(claims: DeviceClaims): Promise<Device> {
    const device = await db.withTenant(claims.tenantId, (tx) => findDevice(tx, claims.tenantId, claims.deviceId));
    if (!device) throw new AppError('OT_ERR_DEVICE_UNKNOWN');
    return device;
  }

  return {
    async sync(claims, request) {
      if (request.protocolVersion !== PROTOCOL_VERSION) throw new AppError('OT_ERR_PROTOCOL_UNSUPPORTED');
      if (request.deviceId !== claims.deviceId) throw new AppError('OT_ERR_DEVICE_MISMATCH');
      const position = decodeCursor(request.cursor, generation);

      // A pull alone takes no lock: it must never wait behind a push.
      const { device, acknowledgments } =
        request.pendingOperations.length > 0
          ? await push(claims, request.pendingOperations)
          : { device: await requireDevice(claims), acknowledgments: [] };
      // After the commit, never inside it (SY13): a poke before the commit could
      // send devices to pull data they cannot see yet.
      if (acknowledgments.some((ack) => CHANGED.has(ack.status))) pokes.publish(claims.tenantId);

      if (device.revoked) {
        // Nothing more for a device the owner removed: it sends what it holds, then wipes itself (ID10).
        return {
          protocolVersion: PROTOCOL_VERSION,
          syncTimestamp: now().toISOString(),
          cursor: encodeCursor({ generation, ...position }),
          hasMore: false,
          serverChanges: { products: [], sales: [], stock: [], stockExceptions: [], customers: [] },
          deviceRevoked: true,
          conflicts: conflictsOf(acknowledgments),
          acknowledgments,
        };
      }
      // A device moved to another branch since its cursor pulls that branch's stock from the start (BR3),
      // and the catalogue again for that branch's prices (BP2).
      const stockReset = position.branchId !== undefined && position.branchId !== device.branchId;
      const stockFrom = stockReset ? 0 : position.stockSeq;
      const catalogueFrom = stockReset ? 0 : position.seq;
      const { page, hasMoreChanges, stockPage, shop } = await db.withTenant(claims.tenantId, async (tx) => {
        // Products and customers share the tenant's change counter (SY4): merged in its order, a page
        // ends at a change number below every change it leaves for the next page.
        const changes = [
          ...(await listProductChanges(tx, claims.tenantId, device.branchId, catalogueFrom, PULL_PAGE_SIZE + 1)).map(
            (product) => ({
              changeSeq: product.changeSeq,
              product,
            }),
          ),
          ...(await listCustomerChanges(tx, claims.tenantId, catalogueFrom, PULL_PAGE_SIZE + 1)).map((customer) => ({
            changeSeq: customer.changeSeq,
            customer,
          })),
        ].sort((a, b) => a.changeSeq - b.changeSeq);
        const taken = changes.slice(0, PULL_PAGE_SIZE);
        const pulledCustomers = await withBalances(
          tx,
          claims.tenantId,
          taken.flatMap((change) => ('customer' in change ? [change.customer] : [])),
        );
        return {
          page: {
            seq: taken.at(-1)?.changeSeq ?? catalogueFrom,
            products: taken.flatMap((change) => ('product' in change ? [change.product] : [])),
            customers: pulledCustomers,
          },
          hasMoreChanges: changes.length > PULL_PAGE_SIZE,
          stockPage: await pullStock(tx, device.branchId, stockFrom, PULL_PAGE_SIZE),
          shop: await readShopSettings(tx, claims.tenantId),
        };
      });
      const seq = page.seq;
      return {
        protocolVersion: PROTOCOL_VERSION,
        syncTimestamp: now().toISOString(),
        cursor: encodeCursor({ generation, seq, stockSeq: stockPage.stockSeq, branchId: device.branchId }),
        hasMore: hasMoreChanges || stockPage.hasMore,
        serverChanges: {
          products: page.products.map(({ changeSeq: _changeSeq, ...product }) => product),
          customers: page.customers,
          sales: [],
          stock: stockPage.stock,
          stockExceptions: stockPage.stockExceptions,
          batches: stockPage.batches,
        },
        ...(stockReset ? { stockReset: true as const } : {}),
        shop,
        device: { receiptPrefix: device.receiptPrefix },
        conflicts: conflictsOf(acknowledgments),
        acknowledgments,
      };
    },
  };
}
