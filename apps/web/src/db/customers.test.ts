import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { cents, type Acknowledgment, type PulledCustomer } from '@opentill/domain';
import { testSale, testSession } from '../testing/fixtures';
import { customerStanding, findCustomers, saveCustomer, takeAccountPayment } from './customers';
import { db } from './database';
import { InvalidRecordError } from './errors';
import { applySyncResult } from './outbox';
import { recordSale } from './sales';
import { saveSession } from './session';
import { openShift, reportOf } from './shifts';
import { resetLocalDatabase } from './testing';

const DEVICE = testSession().device.id;

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(testSession());
});

/** A sale of `amount` on the customer's book. */
const bookSale = (customerId: string, amount: number) =>
  testSale({
    items: [
      { productId: '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11', name: 'Maize meal', quantity: 1, price: cents(amount) },
    ],
    totalAmount: cents(amount),
    paymentMethod: 'account',
    tendered: cents(amount),
    change: cents(0),
    tenders: [{ method: 'account', amount: cents(amount) }],
    customerId,
  });

/** The server's answer to everything queued (all accepted), with a pulled page of `customers`. */
async function serverAnswers(customers: PulledCustomer[] | null, only?: (type: string) => boolean) {
  const queued = (await db.outbox.toArray()).filter((entry) => !only || only(entry.type));
  const acknowledgments: Acknowledgment[] = queued.map((entry) => ({
    opId: entry.opId,
    lane: entry.lane,
    seq: entry.seq,
    localId: entry.localId,
    status: 'created',
  }));
  await applySyncResult({
    deviceId: DEVICE,
    acknowledgments,
    page: { products: [], stock: [], stockExceptions: [], ...(customers && { customers }) },
    cursor: 'cursor-1',
  });
}

const pulled = (id: string, balance: number, storeCredit = 0): PulledCustomer => ({
  id,
  name: 'Thandi Mokoena',
  phone: '+27825551234',
  creditLimit: 20_000,
  syncVersion: 1,
  balance,
  storeCredit,
});

describe('customers on the phone (SPEC CU)', () => {
  it('CU1, CU4: a customer is created offline and queued in the high lane; bad details write nothing', async () => {
    const thandi = await saveCustomer({ name: ' Thandi Mokoena ', phone: '082 555 1234', creditLimit: 20_000 });
    expect(thandi).toMatchObject({
      name: 'Thandi Mokoena',
      phone: '+27825551234',
      creditLimit: 20_000,
      syncVersion: null,
    });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ type: 'UPSERT_CUSTOMER', lane: 'high', seq: 1, data: { id: thandi.id } });
    expect(entry?.data).not.toHaveProperty('baseVersion');

    await expect(saveCustomer({ name: ' ', phone: '', creditLimit: null })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(saveCustomer({ name: 'Sipho', phone: '12', creditLimit: null })).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    expect(await db.customers.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('CU1: look-up by any part of the phone (typed with a 0 or +27) or of the name', async () => {
    await saveCustomer({ name: 'Thandi Mokoena', phone: '0825551234', creditLimit: null });
    await saveCustomer({ name: 'Sipho Ndlovu', phone: '', creditLimit: null });
    const names = async (query: string) => (await findCustomers(query)).map((customer) => customer.name);
    expect(await names('082 555')).toEqual(['Thandi Mokoena']);
    expect(await names('+27 82 555 1234')).toEqual(['Thandi Mokoena']);
    expect(await names('1234')).toEqual(['Thandi Mokoena']);
    expect(await names('ndl')).toEqual(['Sipho Ndlovu']);
    expect(await names('o')).toEqual(['Sipho Ndlovu', 'Thandi Mokoena']);
  });

  it('CU6: the balance is the server’s plus this phone’s records it has not counted, never twice, never dropped', async () => {
    const thandi = await saveCustomer({ name: 'Thandi Mokoena', phone: '0825551234', creditLimit: 20_000 });
    await recordSale(bookSale(thandi.id, 15_000));
    expect(await customerStanding(thandi.id)).toMatchObject({ balance: 15_000, room: 5000, unsynced: 1 });

    // Accepted, but the pull has not brought them back yet (a later page): still counted here.
    await serverAnswers(null);
    expect(await customerStanding(thandi.id)).toMatchObject({ balance: 15_000, unsynced: 1 });

    // The pulled copy includes the sale: it leaves the set, counted once.
    await serverAnswers([pulled(thandi.id, 15_000)]);
    expect(await customerStanding(thandi.id)).toMatchObject({ balance: 15_000, room: 5000, unsynced: 0 });

    // A payment taken offline counts at once; another phone's sale arrives in the pull.
    await takeAccountPayment(thandi.id, 10_000, 'cash');
    expect(await customerStanding(thandi.id)).toMatchObject({ balance: 5000, unsynced: 1 });
    await serverAnswers([pulled(thandi.id, 15_000 - 10_000 + 3000)]);
    expect(await customerStanding(thandi.id)).toMatchObject({ balance: 8000, room: 12_000, unsynced: 0 });
    expect((await db.accountPayments.toArray()).map((payment) => payment.syncState)).toEqual(['synced']);
    const standing = await customerStanding(thandi.id);
    expect(standing?.localEntries.map(({ kind, amount }) => [kind, amount])).toEqual([
      ['sale', 15_000],
      ['payment', -10_000],
    ]);
  });

  it('CU6: a pull that arrives before the answer (an older page) leaves the pending record on top', async () => {
    const thandi = await saveCustomer({ name: 'Thandi Mokoena', phone: '', creditLimit: 20_000 });
    await serverAnswers([pulled(thandi.id, 0)]);
    await recordSale(bookSale(thandi.id, 4000));
    // A pull alone (nothing answered): the server's balance cannot hold the queued sale yet.
    await applySyncResult({
      deviceId: DEVICE,
      acknowledgments: [],
      page: { products: [], stock: [], stockExceptions: [], customers: [pulled(thandi.id, 0)] },
      cursor: 'cursor-2',
    });
    expect(await customerStanding(thandi.id)).toMatchObject({ balance: 4000, unsynced: 1 });
  });

  it('SH7: a cash payment on account is in the open shift’s X report and its expected cash', async () => {
    const shift = await openShift(5000);
    const thandi = await saveCustomer({ name: 'Thandi Mokoena', phone: '', creditLimit: 20_000 });
    const payment = await takeAccountPayment(thandi.id, 10_000, 'cash');
    await takeAccountPayment(thandi.id, 2500, 'card', ' slip 4711 ');
    expect(payment).toMatchObject({ shiftId: shift.localId, syncState: 'pending' });
    const entry = (await db.outbox.toArray()).find((queued) => queued.type === 'RECORD_ACCOUNT_PAYMENT');
    expect(entry).toMatchObject({ lane: 'critical' });
    const x = await reportOf(shift);
    expect(x.paymentsOnAccount).toEqual({
      count: 2,
      amount: 12_500,
      byMethod: { cash: 10_000, card: 2500, mobile_money: 0 },
    });
    expect(x.expectedCash).toBe(15_000);
  });

  it('CU3: a payment of nothing, or for a customer this phone does not have, writes nothing', async () => {
    const thandi = await saveCustomer({ name: 'Thandi Mokoena', phone: '', creditLimit: 20_000 });
    await expect(takeAccountPayment(thandi.id, 0, 'cash')).rejects.toThrow();
    await expect(takeAccountPayment(crypto.randomUUID(), 100, 'cash')).rejects.toThrow('not-found');
    expect(await db.accountPayments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });
});
