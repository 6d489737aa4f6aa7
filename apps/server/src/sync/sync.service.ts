import { createHash, randomUUID } from 'node:crypto';
import {
  LANE_OF_TYPE,
  OPERATION_ERROR_CODES,
  PROTOCOL_VERSION,
  PULL_PAGE_SIZE,
  checkSale,
  isTooFarInFuture,
  linkMatches,
  saleContent,
  type Acknowledgment,
  type Operation,
  type OperationErrorCode,
  type SyncRequest,
  type SyncResponse,
} from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { deleteProduct, listProductChanges, upsertProduct } from '../catalog/catalog.repository.js';
import { insertSale } from '../sales/sales.repository.js';
import { checkChainLink } from '../audit/sale-integrity.service.js';
import type { SaleSigner } from '../audit/sale-signer.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { PokeBus } from './pokes.js';
import {
  findDevice,
  findOperation,
  insertOperation,
  lockDevice,
  readGeneration,
  readLaneProgress,
  recordDeviceProgress,
  takeChangeSeq,
} from './sync.repository.js';

export interface SyncService {
  sync(claims: DeviceClaims, request: SyncRequest): Promise<SyncResponse>;
}

export interface SyncDeps {
  db: Db;
  signer: SaleSigner;
  pokes: PokeBus;
  now?: () => Date;
}

/** SHA-256 of the operation as parsed: tells an honest retry from a reused id (SY3). */
export function hashOperation(operation: Operation): string {
  return createHash('sha256').update(JSON.stringify(operation)).digest('hex');
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

/** Statuses that changed the tenant's data, and so are worth a poke. */
const CHANGED = new Set<Acknowledgment['status']>(['created', 'updated', 'deleted']);

type Device = NonNullable<Awaited<ReturnType<typeof lockDevice>>>;

export async function createSyncService({ db, signer, pokes, now = () => new Date() }: SyncDeps): Promise<SyncService> {
  const generation = await readGeneration(db.orm);

  /** Applies one new operation; a business rule it breaks becomes a stored answer (SY6, SY12). */
  async function apply(tx: Transaction, claims: DeviceClaims, device: Device, operation: Operation) {
    const nextChange = () => takeChangeSeq(tx, claims.tenantId);
    switch (operation.type) {
      case 'CREATE_SALE': {
        const sale = operation.data;
        if (isTooFarInFuture(sale.createdAt, now())) return failure(operation, 'rejected', 'OT_ERR_TIMESTAMP_FUTURE');
        if (sale.localId !== operation.localId || checkSale(sale).length > 0) {
          return failure(operation, 'rejected', 'OT_ERR_SALE_INVALID');
        }
        if (!linkMatches(saleContent(sale), sale.chain)) return failure(operation, 'rejected', 'OT_ERR_CHAIN_INVALID');
        const origin = {
          tenantId: claims.tenantId,
          branchId: device.branchId,
          deviceId: device.id,
          userId: claims.userId,
        };
        const id = randomUUID();
        const signature = signer.sign({
          tenantId: origin.tenantId,
          deviceId: origin.deviceId,
          saleId: id,
          hash: sale.chain.hash,
        });
        const stored = await insertSale(tx, origin, sale, { id, signature, signatureKeyId: signer.keyId });
        if (stored.inserted) await checkChainLink(tx, { ...origin, id, chain: sale.chain }, now());
        return answer(operation, 'created', { serverId: stored.id });
      }
      case 'UPSERT_PRODUCT': {
        const outcome = await upsertProduct(tx, claims.tenantId, operation.data, nextChange);
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
      case 'DELETE_PRODUCT': {
        const outcome = await deleteProduct(tx, claims.tenantId, operation.data.id, nextChange);
        if (outcome.status === 'foreign') return failure(operation, 'rejected', 'OT_ERR_RECORD_CONFLICT');
        return answer(operation, 'deleted', { serverId: operation.data.id });
      }
    }
  }

  /**
   * The push: one transaction under the device row's lock; within each lane,
   * operations in `seq` order with no gaps (SY1–SY3, SY9).
   */
  async function push(claims: DeviceClaims, operations: readonly Operation[]): Promise<Acknowledgment[]> {
    return db.orm.transaction(async (tx) => {
      const device = await lockDevice(tx, claims.tenantId, claims.deviceId);
      if (!device) throw new AppError('OT_ERR_DEVICE_UNKNOWN');
      const lanes = await readLaneProgress(tx, device.id);
      const blockedLanes = new Set<string>();
      const acknowledgments: Acknowledgment[] = [];
      for (const operation of operations) {
        const payloadHash = hashOperation(operation);
        const stored = await findOperation(tx, operation.opId);
        const lastSeq = lanes.get(operation.lane) ?? 0;
        if (stored) {
          const same = stored.deviceId === device.id && stored.payloadHash === payloadHash;
          acknowledgments.push(same ? stored.result : failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH'));
        } else if (operation.seq <= lastSeq) {
          // A new id under a sequence number already used: not the same operation.
          acknowledgments.push(failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH'));
        } else if (blockedLanes.has(operation.lane) || operation.seq !== lastSeq + 1) {
          blockedLanes.add(operation.lane);
          acknowledgments.push(failure(operation, 'refused', 'OT_ERR_SEQUENCE_GAP'));
        } else {
          const result =
            LANE_OF_TYPE[operation.type] === operation.lane
              ? await apply(tx, claims, device, operation)
              : failure(operation, 'rejected', 'OT_ERR_LANE_MISMATCH');
          const { opId, lane, seq, type } = operation;
          await insertOperation(
            tx,
            { opId, lane, seq, type, payloadHash, tenantId: claims.tenantId, deviceId: device.id },
            result,
          );
          acknowledgments.push(result);
          lanes.set(lane, seq);
        }
      }
      await recordDeviceProgress(tx, device.id, lanes);
      return acknowledgments;
    });
  }

  async function checkDevice(claims: DeviceClaims): Promise<Acknowledgment[]> {
    if (!(await findDevice(db.orm, claims.tenantId, claims.deviceId))) throw new AppError('OT_ERR_DEVICE_UNKNOWN');
    return [];
  }

  return {
    async sync(claims, request) {
      if (request.protocolVersion !== PROTOCOL_VERSION) throw new AppError('OT_ERR_PROTOCOL_UNSUPPORTED');
      if (request.deviceId !== claims.deviceId) throw new AppError('OT_ERR_DEVICE_MISMATCH');
      const afterSeq = decodeCursor(request.cursor, generation);

      // A pull alone takes no lock: it must never wait behind a push.
      const acknowledgments =
        request.pendingOperations.length > 0
          ? await push(claims, request.pendingOperations)
          : await checkDevice(claims);
      // After the commit, never inside it (SY13): a poke before the commit could
      // send devices to pull data they cannot see yet.
      if (acknowledgments.some((ack) => CHANGED.has(ack.status))) pokes.publish(claims.tenantId);

      const changes = await listProductChanges(db.orm, claims.tenantId, afterSeq, PULL_PAGE_SIZE + 1);
      const page = changes.slice(0, PULL_PAGE_SIZE);
      const seq = page.at(-1)?.changeSeq ?? afterSeq;
      return {
        protocolVersion: PROTOCOL_VERSION,
        syncTimestamp: now().toISOString(),
        cursor: encodeCursor({ generation, seq }),
        hasMore: changes.length > PULL_PAGE_SIZE,
        serverChanges: { products: page.map(({ changeSeq: _changeSeq, ...product }) => product), sales: [] },
        conflicts: acknowledgments.flatMap((ack) => (ack.conflict ? [{ opId: ack.opId, conflict: ack.conflict }] : [])),
        acknowledgments,
      };
    },
  };
}
