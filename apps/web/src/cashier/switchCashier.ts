import { finishPinAttempt, getRosterEntry, startPinAttempt, type PinVerdict } from '../db';
import { decodeVerifier, pinMatches } from './pinVerifier';

/** How a PIN check ended; `no-verifier`: this phone holds no PIN for them, so they cannot switch in here. */
export type SwitchResult = PinVerdict | { kind: 'no-verifier' };

/**
 * Makes a person the acting user once their PIN checks out on this device, with no
 * network: the roster's verifier, the lockout gate before the check (a locked person's
 * PIN is not even tried), the verdict after it.
 */
export async function switchCashierByPin(userId: string, pin: string, now: Date = new Date()): Promise<SwitchResult> {
  return checkPin(userId, pin, now, 'switch');
}

/** A manager's PIN approving something at the till (SPEC S6): the same check and lockout, no switch. */
export async function approveByPin(userId: string, pin: string, now: Date = new Date()): Promise<SwitchResult> {
  return checkPin(userId, pin, now, 'approve');
}

async function checkPin(userId: string, pin: string, now: Date, purpose: 'switch' | 'approve'): Promise<SwitchResult> {
  const entry = await getRosterEntry(userId);
  if (!entry) return { kind: 'unknown' };
  const verifier = entry.pinVerifier ? decodeVerifier(entry.pinVerifier) : null;
  if (!verifier) return { kind: 'no-verifier' };
  const gate = await startPinAttempt(userId, now);
  if (gate.kind === 'locked') return gate;
  return finishPinAttempt(userId, await pinMatches(pin, verifier), now, purpose);
}
