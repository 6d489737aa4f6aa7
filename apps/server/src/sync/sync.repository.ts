import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Acknowledgment } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { deviceLanes, devices, serverMeta, syncOperations, tenants } from '../db/schema.js';

/**
 * Locks the device's row for the rest of the transaction, so two pushes from one
 * device (a retry racing the original) apply one after the other (SPEC SY2).
 */
export async function lockDevice(tx: Executor, tenantId: string, deviceId: string) {
  const [row] = await activeDevice(tx, tenantId, deviceId).for('update');
  return row;
}

/** The device if it is registered to the tenant and not revoked, without locking it (pulls). */
export async function findDevice(db: Executor, tenantId: string, deviceId: string) {
  const [row] = await activeDevice(db, tenantId, deviceId);
  return row;
}

function activeDevice(db: Executor, tenantId: string, deviceId: string) {
  return db
    .select({ id: devices.id, branchId: devices.branchId })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId), isNull(devices.revokedAt)));
}

/** The last applied `seq` of each of the device's lanes (a lane never used is absent: 0). */
export async function readLaneProgress(tx: Executor, deviceId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ lane: deviceLanes.lane, lastSeq: deviceLanes.lastSeq })
    .from(deviceLanes)
    .where(eq(deviceLanes.deviceId, deviceId));
  return new Map(rows.map((row) => [row.lane, row.lastSeq]));
}

export async function recordDeviceProgress(
  tx: Executor,
  deviceId: string,
  lanes: ReadonlyMap<string, number>,
): Promise<void> {
  await tx
    .update(devices)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(devices.id, deviceId));
  const rows = [...lanes].map(([lane, lastSeq]) => ({ deviceId, lane, lastSeq }));
  if (rows.length === 0) return;
  await tx
    .insert(deviceLanes)
    .values(rows)
    .onConflictDoUpdate({ target: [deviceLanes.deviceId, deviceLanes.lane], set: { lastSeq: sql`excluded.last_seq` } });
}

/** The stored operations among these ids, in one query. */
export async function findOperations(tx: Executor, opIds: string[]) {
  if (opIds.length === 0) return new Map<string, StoredOperation>();
  const rows = await tx
    .select({
      opId: syncOperations.opId,
      deviceId: syncOperations.deviceId,
      payloadHash: syncOperations.payloadHash,
      result: syncOperations.result,
    })
    .from(syncOperations)
    .where(inArray(syncOperations.opId, opIds));
  return new Map(rows.map((row) => [row.opId, { ...row, result: row.result as Acknowledgment }]));
}

export interface StoredOperation {
  deviceId: string;
  payloadHash: string;
  result: Acknowledgment;
}

export interface OperationRecord {
  opId: string;
  tenantId: string;
  deviceId: string;
  lane: string;
  seq: number;
  type: string;
  payloadHash: string;
  result: Acknowledgment;
}

/**
 * Records the answers of a push's newly applied operations in one statement, one
 * array parameter per column (UNNEST), so its cost does not grow with the push.
 */
export async function insertOperations(tx: Executor, records: OperationRecord[]): Promise<void> {
  if (records.length === 0) return;
  const column = <T>(pick: (record: OperationRecord) => T) => sql.param(records.map(pick));
  await tx.execute(sql`
    INSERT INTO ${syncOperations} (op_id, tenant_id, device_id, lane, seq, type, payload_hash, result)
    SELECT op_id, tenant_id, device_id, lane, seq, type, payload_hash, result::jsonb
    FROM unnest(
      ${column((r) => r.opId)}::uuid[], ${column((r) => r.tenantId)}::uuid[], ${column((r) => r.deviceId)}::uuid[],
      ${column((r) => r.lane)}::text[], ${column((r) => r.seq)}::bigint[], ${column((r) => r.type)}::text[],
      ${column((r) => r.payloadHash)}::text[], ${column((r) => JSON.stringify(r.result))}::text[]
    ) AS o(op_id, tenant_id, device_id, lane, seq, type, payload_hash, result)`);
}

/**
 * Takes the tenant's next change number. The UPDATE holds the tenant row's lock
 * until commit, so change numbers become visible in the order they are taken and
 * a pull can never skip a transaction that commits late (SPEC SY4).
 */
export async function takeChangeSeq(tx: Executor, tenantId: string): Promise<number> {
  const [row] = await tx
    .update(tenants)
    .set({ changeCounter: sql`${tenants.changeCounter} + 1` })
    .where(eq(tenants.id, tenantId))
    .returning({ seq: tenants.changeCounter });
  if (!row) throw new Error(`tenant ${tenantId} not found`);
  return row.seq;
}

export async function readGeneration(db: Executor): Promise<string> {
  const [row] = await db.select({ value: serverMeta.value }).from(serverMeta).where(eq(serverMeta.key, 'generation'));
  if (!row) throw new Error('server_meta has no generation: migrations have not run');
  return row.value;
}
