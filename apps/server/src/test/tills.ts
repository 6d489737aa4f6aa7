import { expect } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Branch, Operation, Session, SyncResponse } from '@opentill/domain';
import { stockBatches, stockExceptions, stockLedger, stockLevels } from '../db/schema.js';
import { DeviceScript } from './operations.js';
import { bearer, registerShop, signInDevice, testDb } from './test-app.js';
import { syncBody } from './operations.js';

/** A device of a shop in a test: its session and outbox. */
export interface Till {
  session: Session;
  script: DeviceScript;
}

/** One sync of a till through the app, which must answer 200. */
export async function syncTill(
  app: FastifyInstance,
  till: Till,
  operations: Operation[] = [],
  cursor: string | null = null,
): Promise<SyncResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: bearer(till.session),
    payload: syncBody(till.session, operations, cursor),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SyncResponse>();
}

/** A new shop with two tills at its branch. */
export async function shopWithTwoTills(app: FastifyInstance): Promise<{ owner: Till; other: Till }> {
  const session = await registerShop(app);
  return {
    owner: { session, script: new DeviceScript() },
    other: { session: await signInDevice(app, session), script: new DeviceScript() },
  };
}

/** A product with `onHand` units received, tracked unless told otherwise. */
export async function stockedProduct(
  app: FastifyInstance,
  till: Till,
  onHand: number,
  fields: { trackStock?: boolean; oversellPolicy?: 'flag' | 'reject' } = {},
): Promise<string> {
  const product = till.script.product({ trackStock: true, ...fields });
  const productId = (product.data as { id: string }).id;
  const body = await syncTill(app, till, onHand > 0 ? [product, till.script.receive(productId, onHand)] : [product]);
  expect(body.acknowledgments.map((ack) => ack.status)).toEqual(onHand > 0 ? ['created', 'created'] : ['created']);
  return productId;
}

/** A product's figure at the till's branch beside the sum and count of its ledger entries there. */
export async function stockFigures(session: Session, productId: string) {
  const db = await testDb();
  const { id: tenantId } = session.tenant;
  const branchId = session.branch.id;
  const [level] = await db.withTenant(tenantId, (tx) =>
    tx
      .select({ onHand: stockLevels.onHand })
      .from(stockLevels)
      .where(and(eq(stockLevels.branchId, branchId), eq(stockLevels.productId, productId))),
  );
  const [ledger] = await db.withTenant(tenantId, (tx) =>
    tx
      .select({ sum: sql<string>`coalesce(sum(${stockLedger.delta}), 0)`, entries: sql<string>`count(*)` })
      .from(stockLedger)
      .where(and(eq(stockLedger.branchId, branchId), eq(stockLedger.productId, productId))),
  );
  return { onHand: level?.onHand, ledgerSum: Number(ledger?.sum), entries: Number(ledger?.entries) };
}

/** The stock exceptions of the till's shop. */
export async function exceptionsOf(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) =>
    tx.select().from(stockExceptions).where(eq(stockExceptions.tenantId, session.tenant.id)),
  );
}

/** A new branch of the owner's shop (BR1). */
export async function addBranch(app: FastifyInstance, owner: Session, name: string): Promise<Branch> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/branches',
    headers: bearer(owner),
    payload: { name },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Branch>();
}

/** A till signed in for the owner and moved to `branch` (BR3). */
export async function tillAt(app: FastifyInstance, owner: Session, branch: Branch): Promise<Till> {
  const session = await signInDevice(app, owner);
  const moved = await app.inject({
    method: 'PUT',
    url: '/api/v1/devices/current/branch',
    headers: bearer(session),
    payload: { branchId: branch.id },
  });
  expect(moved.statusCode).toBe(200);
  return { session: { ...session, branch }, script: new DeviceScript() };
}

/**
 * A branch's batches of a product, by lot, each checked equal to the sum of its ledger entries (BT10):
 * every test that reads a batch checks the ledger invariant with it.
 */
export async function batchesAt(session: Session, branchId: string, productId: string) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, async (tx) => {
    const rows = await tx
      .select({
        id: stockBatches.id,
        lot: stockBatches.lot,
        expiresOn: stockBatches.expiresOn,
        onHand: stockBatches.onHand,
        ledger: sql<string>`(SELECT coalesce(sum(delta), 0) FROM ${stockLedger} l WHERE l.batch_id = stock_batches.id)`,
      })
      .from(stockBatches)
      .where(and(eq(stockBatches.branchId, branchId), eq(stockBatches.productId, productId)))
      .orderBy(stockBatches.lot);
    for (const row of rows) expect(Number(row.ledger)).toBe(row.onHand);
    return rows.map(({ id, lot, expiresOn, onHand }) => ({ id, lot, expiresOn, onHand }));
  });
}
