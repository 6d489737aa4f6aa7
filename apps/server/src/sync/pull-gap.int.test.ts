/**
 * SY4 with a slow writer: a transaction that takes its change number first but
 * commits late is still delivered by pull, and nothing after it is delivered
 * before it. Needs real concurrency, so it runs on PostgreSQL (PGlite serves
 * one connection: there a second writer simply waits its turn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Session, SyncResponse } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, syncBody } from '../test/operations.js';
import { upsertProduct } from '../catalog/catalog.repository.js';
import { takeChangeSeq } from './sync.repository.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function pull(session: Session, cursor: string | null, operations: unknown[] = []) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: bearer(session),
    payload: syncBody(session, operations, cursor),
  });
  return response.json<SyncResponse>();
}

describe.runIf(TEST_DB_KIND === 'postgres')('SY4: pull never skips a late-committing transaction', () => {
  it('delivers the slow transaction’s change, then the fast one’s, and never the fast one alone', async () => {
    const session = await registerShop(app);
    const db = await testDb();
    const start = await pull(session, null);

    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slowHasItsNumber: () => void = () => undefined;
    const numbered = new Promise<void>((resolve) => (slowHasItsNumber = resolve));

    const slowId = randomUUID();
    const slow = db.withTenant(session.tenant.id, async (tx) => {
      await upsertProduct(tx, session.tenant.id, { id: slowId, name: 'Slow Writer Soap', price: 1000 }, () =>
        takeChangeSeq(tx, session.tenant.id),
      );
      slowHasItsNumber();
      await gate; // holds its change number, uncommitted
    });
    await numbered;

    // A fast writer starts now; it must wait for the slow one's number to commit.
    const fastProduct = new DeviceScript().product({ name: 'Fast Writer Beans' });
    const fast = pull(session, null, [fastProduct]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const during = await pull(session, start.cursor);
    expect(during.serverChanges.products).toEqual([]);

    release();
    await slow;
    await fast;

    const after = await pull(session, during.cursor);
    expect(after.serverChanges.products.map((product) => product.name)).toEqual([
      'Slow Writer Soap',
      'Fast Writer Beans',
    ]);
  });
});
