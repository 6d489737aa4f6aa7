/**
 * Enrolling in two-factor (SPEC ID8, ID9): `start` stores a new secret and answers it for the QR code;
 * `confirm` turns two-factor on only once a code from that secret is verified, and answers the recovery
 * codes, once. A session of an owner or admin who has not enrolled may do only this (and its sessions);
 * after confirming, a refresh gives the session its role's actions.
 */
import { type MfaConfirmResponse, type MfaStartResponse, type mfaConfirmRequestSchema } from '@opentill/domain';
import type * as z from 'zod/mini';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import { lockCredentials, updateCredentials, type AccountCredentials } from './accounts.repository.js';
import { recordAccountLockout } from './accounts.service.js';
import type { AttemptGuard } from './attempt-guard.js';
import { generateRecoveryCodes } from './recovery-codes.js';
import type { DeviceClaims } from './tokens.js';
import { createTotpSecret, totpEnrolmentUri, verifyTotp } from './totp.js';

type MfaConfirmInput = z.output<typeof mfaConfirmRequestSchema>;

export interface MfaService {
  start(claims: DeviceClaims): Promise<MfaStartResponse>;
  confirm(claims: DeviceClaims, input: MfaConfirmInput, context: RequestContext): Promise<MfaConfirmResponse>;
}

/** The person's credentials, if they may enrol: a password account without two-factor yet. */
function enrollable(account: AccountCredentials | undefined): AccountCredentials & { email: string } {
  if (!account) throw new AppError('OT_ERR_UNAUTHENTICATED');
  const { email } = account;
  if (!email || !account.passwordHash) throw new AppError('OT_ERR_NOT_PASSWORD_ACCOUNT');
  if (account.totpEnabled) throw new AppError('OT_ERR_MFA_ALREADY_ENABLED');
  return { ...account, email };
}

export function createMfaService(db: Db, attempts: AttemptGuard, now: () => Date = () => new Date()): MfaService {
  return {
    async start({ tenantId, userId }) {
      return db.withTenant(tenantId, async (tx) => {
        const account = enrollable(await lockCredentials(tx, tenantId, userId));
        // A new secret each time: a start abandoned half-way (a QR code photographed?) is worth nothing.
        const secret = createTotpSecret();
        await updateCredentials(tx, userId, { totpSecret: secret });
        return { secret, otpauthUri: totpEnrolmentUri(secret, account.email) };
      });
    },

    async confirm(claims, { code }, context) {
      const { tenantId, userId } = claims;
      await attempts.check('mfa', userId);
      const outcome = await db.withTenant(tenantId, async (tx) => {
        const account = enrollable(await lockCredentials(tx, tenantId, userId));
        if (!account.totpSecret) throw new AppError('OT_ERR_MFA_NOT_STARTED');
        const at = now();
        const verified = verifyTotp(account.totpSecret, code, {
          now: at.getTime(),
          lastUsedStep: account.totpLastStep,
        });
        const by = { tenantId, actorUserId: userId, actorDeviceId: claims.deviceId, ...context };
        if (!verified.ok) {
          await recordAudit(tx, { ...by, action: 'auth.mfa_failed', details: { method: 'totp', enrolling: true } });
          return { ok: false as const };
        }
        const recovery = generateRecoveryCodes();
        await updateCredentials(tx, userId, {
          totpEnabledAt: at,
          // The code just typed cannot sign in again.
          totpLastStep: verified.step,
          recoveryCodeHashes: [...recovery.hashes],
        });
        await recordAudit(tx, {
          ...by,
          action: 'auth.mfa_enabled',
          details: { userId, recoveryCodes: recovery.codes.length },
        });
        return { ok: true as const, recoveryCodes: [...recovery.codes] };
      });
      if (!outcome.ok) {
        const lockout = await attempts.failed('mfa', userId);
        if (lockout) await recordAccountLockout(db, claims, lockout, context, claims.deviceId);
        throw new AppError('OT_ERR_MFA_INVALID');
      }
      await attempts.succeeded('mfa', userId);
      return { recoveryCodes: outcome.recoveryCodes };
    },
  };
}
