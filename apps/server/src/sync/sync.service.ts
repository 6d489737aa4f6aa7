import { createHash } from 'node:crypto';
import {
  OPERATION_ERROR_CODES,
  PROTOCOL_VERSION,
  PULL_PAGE_SIZE,
  checkSale,
  isTooFarInFuture,
  type Acknowledgment,
  type Operation,
  type OperationErrorCode,
  type SyncRequest,
  type SyncResponse,
} from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { listProductChanges, upsertProduct } from '../catalog/catalog.repository.js';
import { insertSale } from '../sales/sales.repository.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  findOperation,
  insertOperation,
  lockDevice,
  readGeneration,
  recordDeviceProgress,
  takeChangeSeq,
} from './sync.repository.js';

export interface SyncService {
  sync(claims: DeviceClaims, request: SyncRequest): Promise<SyncResponse>;
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
  return { opId: operation.opId, seq: operation.seq, localId: operation.localId, status, ...extra };
}

function failure(operation: Operation, status: 'rejected' | 'refused', code: OperationErrorCode): Acknowledgment {
  return answer(operation, status, { error: { code, message: OPERATION_ERROR_CODES[code] } });
}

type Device = NonNullable<Awaited<ReturnType<typeof lockDevice>>>;

export async function createSyncService(db: Db, now: () => Date = () => new Date()): Promise<SyncService> {
  const generation = await readGeneration(db.orm);

  /** Applies one new operation; a business rule it breaks becomes a stored rejection (SY6). */
  async function apply(tx: Transaction, claims: DeviceClaims, device: Device, operation: Operation) {
    switch (operation.type) {
      case 'CREATE_SALE': {
        const sale = operation.data;
        if (isTooFarInFuture(sale.createdAt, now())) return failure(operation, 'rejected', 'OT_ERR_TIMESTAMP_FUTURE');
        if (sale.localId !== operation.localId || checkSale(sale).length > 0) {
          return failure(operation, 'rejected', 'OT_ERR_SALE_INVALID');
        }
        const origin = {
          tenantId: claims.tenantId,
          branchId: device.branchId,
          deviceId: device.id,
          userId: claims.userId,
        };
        const serverId = await insertSale(tx, origin, sale);
        return answer(operation, 'created', { serverId });
      }
      case 'UPSERT_PRODUCT': {
        const changeSeq = await takeChangeSeq(tx, claims.tenantId);
        const outcome = await upsertProduct(tx, claims.tenantId, operation.data, changeSeq);
        if (outcome.status === 'foreign') return failure(operation, 'rejected', 'OT_ERR_RECORD_CONFLICT');
        return answer(operation, outcome.status, { serverId: outcome.id });
      }
    }
  }

  /** The push: one transaction under the device row's lock, operations in `seq` order (SY1–SY3). */
  async function push(claims: DeviceClaims, operations: readonly Operation[]): Promise<Acknowledgment[]> {
    return db.orm.transaction(async (tx) => {
      const device = await lockDevice(tx, claims.tenantId, claims.deviceId);
      if (!device) throw new AppError('OT_ERR_DEVICE_UNKNOWN');
      const acknowledgments: Acknowledgment[] = [];
      let lastSeq = device.lastSeq;
      let gap = false;
      for (const operation of operations) {
        const payloadHash = hashOperation(operation);
        const stored = await findOperation(tx, operation.opId);
        if (stored) {
          const same = stored.deviceId === device.id && stored.payloadHash === payloadHash;
          acknowledgments.push(same ? stored.result : failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH'));
        } else if (operation.seq <= lastSeq) {
          // A new id under a sequence number already used: not the same operation.
          acknowledgments.push(failure(operation, 'rejected', 'OT_ERR_OPERATION_MISMATCH'));
        } else if (gap || operation.seq !== lastSeq + 1) {
          gap = true;
          acknowledgments.push(failure(operation, 'refused', 'OT_ERR_SEQUENCE_GAP'));
        } else {
          const result = await apply(tx, claims, device, operation);
          const { opId, seq, type } = operation;
          await insertOperation(
            tx,
            { opId, seq, type, payloadHash, tenantId: claims.tenantId, deviceId: device.id },
            result,
          );
          acknowledgments.push(result);
          lastSeq = seq;
        }
      }
      await recordDeviceProgress(tx, device.id, lastSeq);
      return acknowledgments;
    });
  }

  return {
    async sync(claims, request) {
      if (request.protocolVersion !== PROTOCOL_VERSION) throw new AppError('OT_ERR_PROTOCOL_UNSUPPORTED');
      if (request.deviceId !== claims.deviceId) throw new AppError('OT_ERR_DEVICE_MISMATCH');
      const afterSeq = decodeCursor(request.cursor, generation);

      const acknowledgments = await push(claims, request.pendingOperations);

      const changes = await listProductChanges(db.orm, claims.tenantId, afterSeq, PULL_PAGE_SIZE + 1);
      const page = changes.slice(0, PULL_PAGE_SIZE);
      const seq = page.at(-1)?.changeSeq ?? afterSeq;
      return {
        protocolVersion: PROTOCOL_VERSION,
        syncTimestamp: now().toISOString(),
        cursor: encodeCursor({ generation, seq }),
        hasMore: changes.length > PULL_PAGE_SIZE,
        serverChanges: { products: page.map(({ changeSeq: _changeSeq, ...product }) => product), sales: [] },
        conflicts: [],
        acknowledgments,
      };
    },
  };
}
