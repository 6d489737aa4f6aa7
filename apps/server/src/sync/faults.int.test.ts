/**
 * Issue 3, "Must show" 2: a device pushes its outbox to the real server through
 * a proxy that drops requests, duplicates them, resets answers halfway, delays
 * them and loses answers after the commit. The device retries as the PWA does
 * (same operations, same ids). Every sale ends up stored exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { compareLanes, type Operation, type Session, type SyncResponse } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp, testDb } from '../test/test-app.js';
import { DeviceScript, syncBody } from '../test/operations.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../test/fault-proxy.js';
import { sales } from '../db/schema.js';

let app: FastifyInstance;
let serverUrl: string;

beforeAll(async () => {
  app = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  serverUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
});

/** Pushes the outbox through `proxy` until it is empty, retrying failed attempts; returns the attempts made. */
async function drain(proxy: FaultProxy, session: Session, outbox: Operation[], batch = 5): Promise<number> {
  let attempts = 0;
  while (outbox.length > 0) {
    attempts += 1;
    if (attempts > 500) throw new Error('the outbox did not drain');
    const pendingOperations = [...outbox].sort((a, b) => compareLanes(a.lane, b.lane) || a.seq - b.seq).slice(0, batch);
    let answer: SyncResponse;
    try {
      const response = await fetch(`${proxy.url}/api/v1/sync`, {
        method: 'POST',
        headers: { ...bearer(session), 'content-type': 'application/json' },
        body: JSON.stringify(syncBody(session, pendingOperations)),
      });
      answer = (await response.json()) as SyncResponse;
    } catch {
      continue; // no (complete) answer: send the same operations again
    }
    for (const ack of answer.acknowledgments) {
      expect(ack.status).not.toBe('rejected');
      if (ack.status !== 'refused')
        outbox.splice(
          outbox.findIndex((operation) => operation.opId === ack.opId),
          1,
        );
    }
  }
  return attempts;
}

async function storedSales(session: Session) {
  const db = await testDb();
  return db.withTenant(session.tenant.id, (tx) =>
    tx.select({ localId: sales.localId }).from(sales).where(eq(sales.tenantId, session.tenant.id)),
  );
}

describe.runIf(TEST_DB_KIND === 'postgres')('sync through a faulty network (PostgreSQL)', () => {
  it.each<Fault>(['drop', 'duplicate', 'reset-mid-response', 'delay', 'commit-then-lose'])(
    'stores every sale once when the first attempts meet "%s"',
    async (fault) => {
      let requests = 0;
      const proxy = await startFaultProxy(serverUrl, () => (++requests <= 3 ? fault : 'none'));
      const session = await registerShop(app);
      const device = new DeviceScript();
      const outbox = Array.from({ length: 12 }, () => device.sale());
      const localIds = outbox.map((operation) => operation.localId).sort();
      await drain(proxy, session, outbox);
      expect((await storedSales(session)).map((row) => row.localId).sort()).toEqual(localIds);
      expect(proxy.seen.get(fault)).toBe(3);
      await proxy.close();
    },
  );

  it('stores every sale once under a random mix of every fault', async () => {
    const faults: Fault[] = ['none', 'none', 'drop', 'duplicate', 'reset-mid-response', 'delay', 'commit-then-lose'];
    let seed = 20261123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const proxy = await startFaultProxy(serverUrl, () => faults[Math.floor(random() * faults.length)] ?? 'none', 20);
    const session = await registerShop(app);
    const device = new DeviceScript();
    const outbox = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? device.product() : device.sale()));
    const localIds = outbox
      .filter((op) => op.type === 'CREATE_SALE')
      .map((op) => op.localId)
      .sort();
    const attempts = await drain(proxy, session, outbox);
    expect((await storedSales(session)).map((row) => row.localId).sort()).toEqual(localIds);
    expect(attempts).toBeGreaterThan(12);
    for (const fault of faults) expect(proxy.seen.get(fault) ?? 0).toBeGreaterThan(0);
    await proxy.close();
  });
});
