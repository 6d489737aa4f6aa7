/**
 * Judges the second factor of an email sign-in (SPEC ID8, ID9): a TOTP code, or else a recovery
 * code. The caller holds the person's row locked and stores what a success used up (the step, or
 * the recovery codes left) in the same transaction, so a code never works twice.
 */
import { consumeRecoveryCode } from './recovery-codes.js';
import { verifyTotp } from './totp.js';

export interface SecondFactorProof {
  totpCode?: string | undefined;
  recoveryCode?: string | undefined;
}

export interface StoredSecondFactor {
  totpSecret: string | null;
  totpLastStep: number | null;
  recoveryCodeHashes: readonly string[];
}

export type SecondFactorCheck =
  | { kind: 'missing' }
  | { kind: 'invalid'; method: 'totp' | 'recovery' }
  | { kind: 'totp'; step: number }
  | { kind: 'recovery'; remaining: string[] };

export function checkSecondFactor(
  stored: StoredSecondFactor,
  proof: SecondFactorProof,
  now: number = Date.now(),
): SecondFactorCheck {
  if (proof.totpCode !== undefined) {
    if (stored.totpSecret === null) return { kind: 'invalid', method: 'totp' };
    const verified = verifyTotp(stored.totpSecret, proof.totpCode, { now, lastUsedStep: stored.totpLastStep });
    return verified.ok ? { kind: 'totp', step: verified.step } : { kind: 'invalid', method: 'totp' };
  }
  if (proof.recoveryCode !== undefined) {
    const used = consumeRecoveryCode(proof.recoveryCode, stored.recoveryCodeHashes);
    return used.ok ? { kind: 'recovery', remaining: used.remaining } : { kind: 'invalid', method: 'recovery' };
  }
  return { kind: 'missing' };
}
