import { and, eq, sql } from 'drizzle-orm';
import type { Acknowledgment, ActorStanding } from '@opentill/domain';
import { queryRows, type Executor } from '../db/client.js';
import {
  deviceLanes,
  devices,
  refunds,
  serverMeta,
  syncOperations,
  tenants,
  userBranches,
  users,
} from '../db/schema.js';

/**
 * Locks the device's row for the rest of the transaction, so two pushes from one
 * device (a retry racing the original) apply one after the other (SPEC SY2).
 * A revoked device is returned too (`revoked`): it may still push its sales (ID10).
 */
export async function lockDevice(tx: Executor, tenantId: string, deviceId: string) {
  const [row] = await registeredDevice(tx, tenantId, deviceId).for('update');
  return row;
}

/**
 * The device if it is registered to the tenant, revoked or not (pulls). Marks
 * it seen when its mark is over a minute old, skipping the row if a push holds
 * it (that push marks it): a pull never waits behind a push (SY9).
 */
export async function findDevice(db: Executor, tenantId: string, deviceId: string) {
  const [row] = await queryRows<{ id: string; branch_id: string; receipt_prefix: string; revoked: boolean }>(
    db,
    sql`
    WITH seen AS (
      UPDATE ${devices} SET last_seen_at = now()
      WHERE id IN (
        SELECT id FROM ${devices}
        WHERE id = ${deviceId}::uuid AND tenant_id = ${tenantId}::uuid
          AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')
        FOR UPDATE SKIP LOCKED
      )
    )
    SELECT id, branch_id, receipt_prefix, revoked_at IS NOT NULL AS revoked FROM ${devices}
    WHERE id = ${deviceId}::uuid AND tenant_id = ${tenantId}::uuid`,
  );
  return row && { id: row.id, branchId: row.branch_id, receiptPrefix: row.receipt_prefix, revoked: row.revoked };
}

function registeredDevice(db: Executor, tenantId: string, deviceId: string) {
  return db
    .select({
      id: devices.id,
      branchId: devices.branchId,
      receiptPrefix: devices.receiptPrefix,
      revoked: sql<boolean>`${devices.revokedAt} IS NOT NULL`,
    })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId)));
}

/** What a push needs to know before it applies anything. */
export interface PushState {
  /** The last applied `seq` of each of the device's lanes (a lane never used is absent: 0). */
  lanes: Map<string, number>;
  /** The push's operations already stored, by id. */
  stored: Map<string, StoredOperation>;
  /** Local ids of the device's sales that refunds are waiting for (SPEC RF4). */
  awaited: Set<string>;
  /** The people the push names as actors, as they stand now (ID3). */
  actors: Map<string, ActorStanding>;
}

/**
 * Reads the push state of the device, in one query, for these operation ids
 * and these actors of the tenant.
 */
export async function readPushState(
  tx: Executor,
  device: { tenantId: string; deviceId: string; branchId: string },
  opIds: readonly string[],
  actorIds: readonly string[],
): Promise<PushState> {
  const { deviceId } = device;
  const rows = await queryRows<{
    kind: 'lane' | 'operation' | 'awaited' | 'actor';
    key: string;
    last_seq: number | string | null;
    device_id: string | null;
    payload_hash: string | null;
    result: unknown;
  }>(
    tx,
    sql`SELECT 'lane' AS kind, lane AS key, last_seq, NULL::uuid AS device_id, NULL AS payload_hash,
          NULL::jsonb AS result
        FROM ${deviceLanes} WHERE device_id = ${deviceId}::uuid
        UNION ALL
        SELECT 'operation', op_id::text, NULL, device_id, payload_hash, result
        FROM ${syncOperations} WHERE op_id = ANY(${sql.param(opIds)}::uuid[])
        UNION ALL
        SELECT 'awaited', sale_local_id, NULL, NULL, NULL, NULL
        FROM ${refunds} WHERE sale_device_id = ${deviceId}::uuid AND status = 'awaiting_sale'
        UNION ALL
        SELECT 'actor', u.id::text, NULL, NULL, NULL, jsonb_build_object('role', u.role, 'active', u.is_active,
          'atBranch', EXISTS (SELECT 1 FROM ${userBranches} b
            WHERE b.user_id = u.id AND b.branch_id = ${device.branchId}::uuid))
        FROM ${users} u
        WHERE u.tenant_id = ${device.tenantId}::uuid AND u.id = ANY(${sql.param(actorIds)}::uuid[])`,
  );
  const state: PushState = { lanes: new Map(), stored: new Map(), awaited: new Set(), actors: new Map() };
  for (const row of rows) {
    if (row.kind === 'lane') state.lanes.set(row.key, Number(row.last_seq));
    else if (row.kind === 'awaited') state.awaited.add(row.key);
    else if (row.kind === 'actor') state.actors.set(row.key, row.result as ActorStanding);
    else {
      state.stored.set(row.key, {
        deviceId: row.device_id ?? '',
        payloadHash: row.payload_hash ?? '',
        result: row.result as Acknowledgment,
      });
    }
  }
  return state;
}

export interface StoredOperation {
  deviceId: string;
  payloadHash: string;
  result: Acknowledgment;
}

export interface OperationRecord {
  opId: string;
  lane: string;
  seq: number;
  type: string;
  payloadHash: string;
  result: Acknowledgment;
}

/**
 * Records a push in one statement: the answers of its newly applied operations
 * (one array parameter per column, so the cost does not grow with the push),
 * the progress of the device's lanes, and when it was last seen.
 */
export async function recordPush(
  tx: Executor,
  device: { tenantId: string; deviceId: string },
  records: readonly OperationRecord[],
  lanes: ReadonlyMap<string, number>,
): Promise<void> {
  const column = <T>(pick: (record: OperationRecord) => T) => sql.param(records.map(pick));
  await tx.execute(sql`
    WITH operations AS (
      INSERT INTO ${syncOperations} (op_id, tenant_id, device_id, lane, seq, type, payload_hash, result)
      SELECT op_id, ${device.tenantId}::uuid, ${device.deviceId}::uuid, lane, seq, type, payload_hash, result::jsonb
      FROM unnest(
        ${column((r) => r.opId)}::uuid[], ${column((r) => r.lane)}::text[], ${column((r) => r.seq)}::bigint[],
        ${column((r) => r.type)}::text[], ${column((r) => r.payloadHash)}::text[],
        ${column((r) => JSON.stringify(r.result))}::text[]
      ) AS o(op_id, lane, seq, type, payload_hash, result)
    ), progress AS (
      INSERT INTO ${deviceLanes} (device_id, lane, last_seq)
      SELECT ${device.deviceId}::uuid, lane, last_seq
      FROM unnest(${sql.param([...lanes.keys()])}::text[], ${sql.param([...lanes.values()])}::bigint[])
        AS l(lane, last_seq)
      ON CONFLICT (device_id, lane) DO UPDATE SET last_seq = excluded.last_seq
    )
    UPDATE ${devices} SET last_seen_at = now() WHERE id = ${device.deviceId}::uuid`);
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
