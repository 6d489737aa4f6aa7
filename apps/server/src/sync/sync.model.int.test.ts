/**
 * Model-based test of the sync engine (issue 3, "Must show" 1). Several devices
 * sell and edit the catalogue, go offline, and sync through a network that drops
 * requests, loses answers after the server committed, duplicates requests and
 * replays old ones late; the server restarts now and then. Whatever happens:
 *
 *  - every sale made on a device is stored on the server exactly once;
 *  - every refund is applied exactly once, also one that overtook its sale (the
 *    critical lane goes first) and waited for it on the server;
 *  - nothing is rejected (every operation here is valid), nothing stays queued;
 *  - stock of every product equals what was received, adjusted and refunded back
 *    to the shelf less what was sold, and equals the sum of its ledger (the
 *    products are tracked, policy `flag`);
 *  - every device converges to the server's catalogue and stock figures.
 *
 * Runs OPENTILL_MODEL_RUNS runs (default 1,000, on PGlite and on PostgreSQL);
 * `npm run test:model:long` runs 20,000 on each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import {
  compareLanes,
  type Acknowledgment,
  type Operation,
  type Product,
  type SaleContent,
  type SyncResponse,
} from '@opentill/domain';
import { TEST_DB_KIND, testApp, testDb, testToken } from '../test/test-app.js';
import { DeviceScript, saleOf } from '../test/operations.js';
import { insertDevice, insertShop } from '../auth/auth.repository.js';
import { products, refunds, sales, stockLedger, stockLevels } from '../db/schema.js';

const RUNS = Number(process.env.OPENTILL_MODEL_RUNS ?? 1000);
const BATCH = 4;

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

/** What a device holds: its outbox, cursor and catalogue, and its script for new operations. */
interface Device {
  id: string;
  token: string;
  script: DeviceScript;
  outbox: Operation[];
  cursor: string | null;
  catalogue: Map<string, Product>;
  /** On hand at the branch, as last pulled. */
  stock: Map<string, number>;
  /** The device's sales, with the units of each line not refunded yet. */
  sales: { content: SaleContent; left: Map<string, number> }[];
  online: boolean;
}

type Fault = 'none' | 'drop' | 'lose-answer' | 'duplicate' | 'replay-later';

type Step =
  | { kind: 'sell'; device: number; lines: { product: number; quantity: number }[] }
  | { kind: 'refund'; device: number; sale: number; quantity: number }
  | { kind: 'receive'; device: number; product: number; quantity: number }
  | { kind: 'adjust'; device: number; product: number; delta: number }
  | { kind: 'edit'; device: number; product: number; price: number }
  | { kind: 'sync'; device: number; fault: Fault }
  | { kind: 'toggle'; device: number }
  | { kind: 'restart' };

const stepArbitrary = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const product = fc.integer({ min: 0, max: 2 });
  const lines = fc.array(fc.record({ product, quantity: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 3,
  });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('sell' as const), device, lines }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('refund' as const),
        device,
        sale: fc.nat({ max: 20 }),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('receive' as const),
        device,
        product,
        quantity: fc.integer({ min: 1, max: 5 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('adjust' as const),
        device,
        product,
        delta: fc.integer({ min: -3, max: 3 }).filter((delta) => delta !== 0),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        device,
        product,
        price: fc.integer({ min: 100, max: 9999 }),
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        device,
        fault: fc.constantFrom<Fault>('none', 'none', 'drop', 'lose-answer', 'duplicate', 'replay-later'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), device }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  );
};

async function newShop(deviceCount: number): Promise<{ tenantId: string; devices: Device[]; productIds: string[] }> {
  const db = await testDb();
  const tenantId = randomUUID();
  const refs = await db.withTenant(tenantId, (tx) =>
    insertShop(tx, {
      tenantId,
      businessName: 'Model Spaza',
      ownerName: 'M',
      // Written straight through the repository, so not a real number: 64 random bits never collide.
      phone: `m${randomBytes(8).toString('hex')}`,
      pinHash: 'x',
    }),
  );
  const devices: Device[] = [];
  for (let i = 0; i < deviceCount; i++) {
    const id = randomUUID();
    await db.withTenant(tenantId, (tx) => insertDevice(tx, { ...refs, id, name: `till ${i}` }));
    const token = await testToken({ ...refs, deviceId: id, permissions: ['sync:push'] });
    devices.push({
      id,
      token,
      script: new DeviceScript(),
      outbox: [],
      cursor: null,
      catalogue: new Map(),
      stock: new Map(),
      sales: [],
      online: true,
    });
  }
  // The products the devices edit: ids of this shop only.
  return { tenantId: refs.tenantId, devices, productIds: [randomUUID(), randomUUID(), randomUUID()] };
}

function pending(device: Device): Operation[] {
  return [...device.outbox].sort((a, b) => compareLanes(a.lane, b.lane) || a.seq - b.seq).slice(0, BATCH);
}

async function send(device: Device, body: string): Promise<SyncResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
    payload: body,
  });
  if (response.statusCode !== 200) throw new Error(`sync answered ${response.statusCode}: ${response.body}`);
  return response.json<SyncResponse>();
}

/** The device's side of an answer, as the PWA does it (one transaction there). */
function receive(device: Device, answer: SyncResponse, rejected: Acknowledgment[]): void {
  for (const ack of answer.acknowledgments) {
    if (ack.status === 'refused') continue;
    if (ack.status === 'rejected') rejected.push(ack);
    device.outbox = device.outbox.filter((operation) => operation.opId !== ack.opId);
  }
  for (const product of answer.serverChanges.products) {
    if (product.deleted) device.catalogue.delete(product.id);
    else device.catalogue.set(product.id, product);
  }
  for (const { productId, onHand } of answer.serverChanges.stock) device.stock.set(productId, onHand);
  device.cursor = answer.cursor;
}

function body(device: Device): string {
  return JSON.stringify({
    protocolVersion: 1,
    deviceId: device.id,
    cursor: device.cursor,
    pendingOperations: pending(device),
  });
}

async function serverState(tenantId: string) {
  const db = await testDb();
  const saleRows = await db.withTenant(tenantId, (tx) =>
    tx.select({ localId: sales.localId, deviceId: sales.deviceId }).from(sales).where(eq(sales.tenantId, tenantId)),
  );
  const productRows = await db.withTenant(tenantId, (tx) =>
    tx
      .select({ id: products.id, price: products.price, syncVersion: products.syncVersion })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), isNull(products.deletedAt))),
  );
  const levels = await db.withTenant(tenantId, (tx) =>
    tx
      .select({ productId: stockLevels.productId, onHand: stockLevels.onHand })
      .from(stockLevels)
      .where(eq(stockLevels.tenantId, tenantId)),
  );
  const ledger = await db.withTenant(tenantId, (tx) =>
    tx
      .select({ productId: stockLedger.productId, delta: stockLedger.delta })
      .from(stockLedger)
      .where(eq(stockLedger.tenantId, tenantId)),
  );
  const refundRows = await db.withTenant(tenantId, (tx) =>
    tx.select({ localId: refunds.localId, status: refunds.status }).from(refunds).where(eq(refunds.tenantId, tenantId)),
  );
  return { saleRows, productRows, levels, ledger, refundRows };
}

describe(`sync model on ${TEST_DB_KIND}`, () => {
  it(`every sale exactly once, stock conserved and every device converged, over ${RUNS} runs of faults and restarts`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 3 })
          .chain((count) =>
            fc.tuple(fc.constant(count), fc.array(stepArbitrary(count), { minLength: 1, maxLength: 14 })),
          ),
        async ([deviceCount, steps]) => {
          const { tenantId, devices, productIds } = await newShop(deviceCount);
          const sold = new Map<string, string>(); // localId → device id
          const refunded = new Set<string>(); // refund local ids
          const expectedStock = new Map<string, number>(); // product id → received + adjusted − sold
          const move = (productId: string, delta: number) =>
            expectedStock.set(productId, (expectedStock.get(productId) ?? 0) + delta);
          const rejected: Acknowledgment[] = [];
          const late: { device: Device; body: string }[] = [];

          for (const step of steps) {
            if (step.kind === 'restart') {
              await app.close();
              app = await testApp();
              continue;
            }
            const device = devices[step.device];
            if (!device) continue;
            const productId = (index: number) => productIds[index] ?? '';
            if (step.kind === 'sell') {
              const lines = step.lines.map((line) => ({ productId: productId(line.product), quantity: line.quantity }));
              const content = saleOf(lines);
              const operation = device.script.sale(content);
              device.outbox.push(operation);
              sold.set(operation.localId, device.id);
              for (const line of lines) move(line.productId, -line.quantity);
              const left = new Map<string, number>();
              for (const line of lines) left.set(line.productId, (left.get(line.productId) ?? 0) + line.quantity);
              device.sales.push({ content, left });
            } else if (step.kind === 'refund') {
              // Back to the shelf: part of one of this device's sales, never more than is left of it.
              const sale = device.sales[step.sale % Math.max(device.sales.length, 1)];
              const [productId, left] = [...(sale?.left ?? [])].find(([, units]) => units > 0) ?? [];
              if (!sale || !productId || !left) continue;
              const quantity = Math.min(step.quantity, left);
              const operation = device.script.refund(sale.content, device.id, { lines: [{ productId, quantity }] });
              device.outbox.push(operation);
              refunded.add(operation.localId);
              sale.left.set(productId, left - quantity);
              move(productId, quantity);
            } else if (step.kind === 'receive') {
              device.outbox.push(device.script.receive(productId(step.product), step.quantity));
              move(productId(step.product), step.quantity);
            } else if (step.kind === 'adjust') {
              device.outbox.push(device.script.adjust({ productId: productId(step.product), delta: step.delta }));
              move(productId(step.product), step.delta);
            } else if (step.kind === 'edit') {
              const id = productIds[step.product] ?? randomUUID();
              const known = device.catalogue.get(id);
              const baseVersion = known?.syncVersion;
              device.outbox.push(
                device.script.product({
                  id,
                  name: `Product ${step.product}`,
                  price: step.price,
                  trackStock: true,
                  ...(baseVersion ? { baseVersion } : {}),
                }),
              );
            } else if (step.kind === 'toggle') {
              device.online = !device.online;
            } else if (device.online) {
              const request = body(device);
              if (step.fault === 'drop') continue; // never reached the server
              const answer = await send(device, request);
              if (step.fault === 'lose-answer') continue; // committed, but the device never hears
              if (step.fault === 'replay-later') late.push({ device, body: request });
              const final = step.fault === 'duplicate' ? await send(device, request) : answer;
              receive(device, final, rejected);
            }
            // An old request the network held back arrives late, at a random moment.
            if (late.length > 0 && Math.random() < 0.3) {
              const held = late.shift();
              if (held) await send(held.device, held.body);
            }
          }

          // The network heals: every device comes online and syncs until it has nothing left.
          for (const held of late) await send(held.device, held.body);
          for (let round = 0; round < 40; round++) {
            let busy = false;
            for (const device of devices) {
              device.online = true;
              const answer = await send(device, body(device));
              receive(device, answer, rejected);
              const changed =
                answer.serverChanges.products.length > 0 ||
                answer.serverChanges.stock.length > 0 ||
                answer.acknowledgments.length > 0;
              if (device.outbox.length > 0 || answer.hasMore || changed) busy = true;
            }
            if (!busy) break;
          }

          const { saleRows, productRows, levels, ledger, refundRows } = await serverState(tenantId);
          expect(rejected).toEqual([]);
          for (const device of devices) expect(device.outbox).toEqual([]);
          expect(saleRows).toHaveLength(sold.size);
          expect(new Map(saleRows.map((row) => [row.localId, row.deviceId]))).toEqual(sold);
          expect(refundRows).toHaveLength(refunded.size);
          for (const row of refundRows) expect([row.localId, row.status]).toEqual([row.localId, 'applied']);
          expect(new Set(refundRows.map((row) => row.localId))).toEqual(refunded);
          const serverCatalogue = productRows.map((row) => [row.id, row.price, row.syncVersion]).sort();
          for (const device of devices) {
            const local = [...device.catalogue.values()].map((p) => [p.id, p.price, p.syncVersion]).sort();
            expect(local).toEqual(serverCatalogue);
          }
          const serverStock = new Map(levels.map((level) => [level.productId, level.onHand]));
          const ledgerSums = new Map<string, number>();
          for (const { productId, delta } of ledger)
            ledgerSums.set(productId, (ledgerSums.get(productId) ?? 0) + delta);
          for (const [productId, onHand] of expectedStock) {
            expect(serverStock.get(productId)).toBe(onHand);
            expect(ledgerSums.get(productId)).toBe(onHand);
          }
          for (const device of devices) expect(device.stock).toEqual(serverStock);
        },
      ),
      { numRuns: RUNS },
    );
  }, 900_000);
});
