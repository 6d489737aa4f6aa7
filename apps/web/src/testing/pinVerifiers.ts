/// <reference types="node" />
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { PinVerifier, RosterEntry } from '@opentill/domain';

/**
 * Tests only: a PIN verifier made the way the server makes it (node:crypto's
 * PBKDF2-SHA256), so the device's WebCrypto check is tested against an independent
 * implementation. Few iterations (the schema's minimum) keep the tests quick.
 */
export function testPinVerifier(pin: string, iterations = 10_000): PinVerifier {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256');
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export const THANDI_ID = '44444444-4444-4444-8444-444444444441';
export const SIPHO_ID = '44444444-4444-4444-8444-444444444442';
export const NO_PIN_ID = '44444444-4444-4444-8444-444444444443';

/** A branch's roster: the owner (PIN 2580), Thandi (1111), Sipho (2222), and Lerato, who has no PIN on devices. */
export function testRoster(ownerId: string): RosterEntry[] {
  const cashier = ['sync:push', 'sales:create', 'sales:read'];
  return [
    {
      userId: ownerId,
      name: 'Nomsa Dlamini',
      role: 'OWNER',
      actions: ['user:manage'],
      pinVerifier: testPinVerifier('2580'),
    },
    {
      userId: THANDI_ID,
      name: 'Thandi Nkosi',
      role: 'CASHIER',
      actions: cashier,
      pinVerifier: testPinVerifier('1111'),
    },
    {
      userId: SIPHO_ID,
      name: 'Sipho Mokoena',
      role: 'CASHIER',
      actions: cashier,
      pinVerifier: testPinVerifier('2222'),
    },
    { userId: NO_PIN_ID, name: 'Lerato Molefe', role: 'CASHIER', actions: cashier, pinVerifier: null },
  ];
}
