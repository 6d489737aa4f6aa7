import { putActingUser, type ActingUser } from './actingUser';
import { db, type PinAttemptRow } from './database';
import { enqueueOperation } from './enqueue';

/** Wrong PINs in a row that lock a person out on this device (SPEC ID3). */
export const MAX_WRONG_PINS = 5;
/** How long the lockout lasts. */
export const PIN_LOCKOUT_MS = 5 * 60_000;

/** Whether a PIN may be checked now. */
export type PinGate = { kind: 'open' } | { kind: 'locked'; until: string };

/** How a checked PIN ended: the person now acts on the device, or another wrong PIN. */
export type PinVerdict =
  | { kind: 'switched'; user: ActingUser }
  | { kind: 'approved'; user: ActingUser }
  | { kind: 'wrong'; triesLeft: number }
  | { kind: 'locked'; until: string }
  | { kind: 'unknown' };

function lockedUntil(row: PinAttemptRow | undefined, now: Date): string | null {
  return row?.lockedUntil && Date.parse(row.lockedUntil) > now.getTime() ? row.lockedUntil : null;
}

/**
 * Opens a PIN check for a person: refused while they are locked out. Otherwise the
 * attempt is counted as wrong BEFORE the (slow) check, and the fifth sets the lock,
 * so a crash, a reload or a second tab guessing meanwhile cannot slip past the
 * count; a right PIN then clears it (finishPinAttempt). After a lockout has run
 * out, counting starts again from zero.
 */
export async function startPinAttempt(userId: string, now: Date): Promise<PinGate> {
  return db.transaction('rw', [db.pinAttempts], async () => {
    const row = await db.pinAttempts.get(userId);
    const until = lockedUntil(row, now);
    if (until) return { kind: 'locked', until };
    const failures = (row?.lockedUntil ? 0 : (row?.failures ?? 0)) + 1;
    const lock = failures >= MAX_WRONG_PINS ? new Date(now.getTime() + PIN_LOCKOUT_MS).toISOString() : null;
    await db.pinAttempts.put({ userId, failures, lockedUntil: lock });
    return { kind: 'open' };
  });
}

/**
 * Closes a PIN check. Right: the count is cleared and, for a switch, the person
 * becomes the acting user, in one transaction; for an approval (a manager's PIN
 * at the till, SPEC S6) the acting user stays. Wrong: the attempt already counted.
 */
export async function finishPinAttempt(
  userId: string,
  correct: boolean,
  now: Date = new Date(),
  purpose: 'switch' | 'approve' = 'switch',
): Promise<PinVerdict> {
  if (!correct) {
    return db.transaction('rw', [db.pinAttempts, db.outbox, db.meta], async () => {
      const row = await db.pinAttempts.get(userId);
      // The owner hears of it through the audit log once the device is online (SPEC ID3, AU4).
      await enqueueOperation({
        type: 'REPORT_PIN_FAILURE',
        localId: crypto.randomUUID(),
        data: { userId, failures: row?.failures ?? 1, lockedOut: Boolean(row?.lockedUntil), at: now.toISOString() },
      });
      if (row?.lockedUntil) return { kind: 'locked', until: row.lockedUntil };
      return { kind: 'wrong', triesLeft: Math.max(0, MAX_WRONG_PINS - (row?.failures ?? 0)) };
    });
  }
  return db.transaction('rw', [db.pinAttempts, db.staff, db.meta], async () => {
    await db.pinAttempts.delete(userId);
    const entry = await db.staff.get(userId);
    if (!entry) return { kind: 'unknown' };
    const user: ActingUser = { userId: entry.userId, name: entry.name, role: entry.role };
    if (purpose === 'approve') return { kind: 'approved', user };
    await putActingUser(user);
    return { kind: 'switched', user };
  });
}

/** People locked out on this device now, by user id, with the time the lockout ends. */
export async function pinLockouts(now: Date = new Date()): Promise<Map<string, string>> {
  const rows = await db.pinAttempts.toArray();
  const locked = new Map<string, string>();
  for (const row of rows) {
    const until = lockedUntil(row, now);
    if (until) locked.set(row.userId, until);
  }
  return locked;
}
