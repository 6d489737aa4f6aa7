import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getActingUser, MAX_WRONG_PINS, PIN_LOCKOUT_MS, pinLockouts, replaceRoster, saveSession } from '../db';
import { db } from '../db/database';
import { resetLocalDatabase } from '../db/testing';
import { testSession } from '../testing/fixtures';
import { NO_PIN_ID, SIPHO_ID, THANDI_ID, testRoster } from '../testing/pinVerifiers';
import { switchCashierByPin } from './switchCashier';

const session = testSession();
const start = new Date('2026-11-23T14:00:00.000Z');

function later(ms: number): Date {
  return new Date(start.getTime() + ms);
}

async function wrongPins(userId: string, times: number, at: Date = start) {
  const results = [];
  for (let attempt = 0; attempt < times; attempt++) results.push(await switchCashierByPin(userId, '9999', at));
  return results;
}

beforeEach(async () => {
  await resetLocalDatabase();
  await saveSession(session);
  await replaceRoster(session.device.id, testRoster(session.user.id), start);
});

describe('switchCashierByPin (SPEC ID3: offline, by PIN, with a lockout)', () => {
  it('makes the person the acting user when their PIN is right', async () => {
    expect(await getActingUser()).toMatchObject({ userId: session.user.id, name: 'Nomsa Dlamini' });
    expect(await switchCashierByPin(THANDI_ID, '1111', start)).toEqual({
      kind: 'switched',
      user: { userId: THANDI_ID, name: 'Thandi Nkosi', role: 'CASHIER' },
    });
    expect(await getActingUser()).toEqual({ userId: THANDI_ID, name: 'Thandi Nkosi', role: 'CASHIER' });
  });

  it('keeps the acting user on a wrong PIN and says how many tries are left', async () => {
    expect(await wrongPins(THANDI_ID, 2)).toEqual([
      { kind: 'wrong', triesLeft: 4 },
      { kind: 'wrong', triesLeft: 3 },
    ]);
    // Another person's PIN is wrong too.
    expect(await switchCashierByPin(THANDI_ID, '2222', start)).toEqual({ kind: 'wrong', triesLeft: 2 });
    expect((await getActingUser())?.userId).toBe(session.user.id);
  });

  it('queues a report of each wrong PIN for the owner’s audit log, by the person acting then', async () => {
    await wrongPins(THANDI_ID, MAX_WRONG_PINS);
    await switchCashierByPin(SIPHO_ID, '2222', start);
    const reports = (await db.outbox.toArray())
      .filter((entry) => entry.type === 'REPORT_PIN_FAILURE')
      .sort((a, b) => a.seq - b.seq);
    const first = reports[0]?.seq ?? 0;
    expect(reports.map((entry) => entry.seq - first)).toEqual([0, 1, 2, 3, 4]);
    expect(reports.map((entry) => [entry.lane, entry.actorId, entry.data])).toEqual(
      [1, 2, 3, 4, 5].map((failures) => [
        'medium',
        session.user.id,
        { userId: THANDI_ID, failures, lockedOut: failures === MAX_WRONG_PINS, at: start.toISOString() },
      ]),
    );
  });

  it(`locks a person out for 5 minutes after ${MAX_WRONG_PINS} wrong PINs in a row, even against the right one`, async () => {
    const until = later(PIN_LOCKOUT_MS).toISOString();
    const results = await wrongPins(THANDI_ID, MAX_WRONG_PINS);
    expect(results.at(-2)).toEqual({ kind: 'wrong', triesLeft: 1 });
    expect(results.at(-1)).toEqual({ kind: 'locked', until });
    expect(await switchCashierByPin(THANDI_ID, '1111', later(60_000))).toEqual({ kind: 'locked', until });
    expect(await switchCashierByPin(THANDI_ID, '1111', later(PIN_LOCKOUT_MS - 1))).toEqual({ kind: 'locked', until });
    expect((await getActingUser())?.userId).toBe(session.user.id);
    expect(await pinLockouts(later(60_000))).toEqual(new Map([[THANDI_ID, until]]));

    // Others are not affected.
    expect(await switchCashierByPin(SIPHO_ID, '2222', later(60_000))).toMatchObject({ kind: 'switched' });

    // Once the 5 minutes are over the right PIN works, and counting starts again.
    expect(await switchCashierByPin(THANDI_ID, '1111', later(PIN_LOCKOUT_MS))).toMatchObject({ kind: 'switched' });
    expect(await pinLockouts(later(PIN_LOCKOUT_MS))).toEqual(new Map());
    expect(await wrongPins(THANDI_ID, 1, later(PIN_LOCKOUT_MS))).toEqual([{ kind: 'wrong', triesLeft: 4 }]);
  });

  it('counts wrong PINs afresh after a right one', async () => {
    await wrongPins(THANDI_ID, MAX_WRONG_PINS - 1);
    expect(await switchCashierByPin(THANDI_ID, '1111', start)).toMatchObject({ kind: 'switched' });
    const results = await wrongPins(THANDI_ID, MAX_WRONG_PINS - 1);
    expect(results.at(-1)).toEqual({ kind: 'wrong', triesLeft: 1 });
    expect(await switchCashierByPin(THANDI_ID, '1111', start)).toMatchObject({ kind: 'switched' });
  });

  it('keeps the lockout when the app is closed and opened again', async () => {
    await wrongPins(THANDI_ID, MAX_WRONG_PINS);
    db.close();
    await db.open();
    expect(await switchCashierByPin(THANDI_ID, '1111', later(1000))).toMatchObject({ kind: 'locked' });
  });

  it('counts guesses still being checked (a second tab), so none slips past the lockout', async () => {
    // Five wrong guesses in flight, then the right PIN: the sixth is refused at the gate, unchecked.
    const guesses = [...Array.from({ length: MAX_WRONG_PINS }, () => '9999'), '1111'];
    const results = await Promise.all(guesses.map((pin) => switchCashierByPin(THANDI_ID, pin, start)));
    expect(results.some((result) => result.kind === 'switched')).toBe(false);
    expect(results.at(-1)).toEqual({ kind: 'locked', until: later(PIN_LOCKOUT_MS).toISOString() });
    expect((await getActingUser())?.userId).toBe(session.user.id);
  });

  it('refuses a person with no PIN verifier on this device, and one not on the roster', async () => {
    expect(await switchCashierByPin(NO_PIN_ID, '1111', start)).toEqual({ kind: 'no-verifier' });
    expect(await switchCashierByPin(crypto.randomUUID(), '1111', start)).toEqual({ kind: 'unknown' });
    expect((await getActingUser())?.userId).toBe(session.user.id);
    expect(await pinLockouts(start)).toEqual(new Map());
  });
});
