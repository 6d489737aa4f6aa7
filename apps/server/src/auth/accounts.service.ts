/**
 * Email + password accounts (pharmacies; SPEC ID5–ID9): registering a shop by email, signing in with
 * the password and, once two-factor is on, a TOTP or recovery code, and changing the password.
 * An owner or admin without two-factor gets a session that may only enrol (`sessionPermissions`).
 */
import { randomUUID } from 'node:crypto';
import {
  PASSWORD_POLICIES,
  type AccountSession,
  type PasswordPolicy,
  type SessionTokens,
  type emailRegisterRequestSchema,
  type emailSignInRequestSchema,
  type passwordChangeRequestSchema,
} from '@opentill/domain';
import type * as z from 'zod/mini';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../http/errors.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import { DEVICE_ID_CONSTRAINT, insertDevice, insertShop } from './auth.repository.js';
import {
  EMAIL_CONSTRAINT,
  findAccountByEmail,
  findAccountTenant,
  lockCredentials,
  updateCredentials,
  type AccountRecord,
} from './accounts.repository.js';
import type { AttemptGuard, Lockout } from './attempt-guard.js';
import { assertAcceptablePassword } from './new-password.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { verifyDecoy } from './pin.js';
import { checkSecondFactor } from './second-factor.js';
import { MFA_ROLES, sessionPermissions, type SessionService } from './sessions.service.js';
import type { DeviceClaims } from './tokens.js';

type EmailRegisterInput = z.output<typeof emailRegisterRequestSchema>;
type EmailSignInInput = z.output<typeof emailSignInRequestSchema>;
type PasswordChangeInput = z.output<typeof passwordChangeRequestSchema>;

export interface AccountService {
  register(input: EmailRegisterInput, context: RequestContext): Promise<AccountSession>;
  signIn(input: EmailSignInInput, context: RequestContext): Promise<AccountSession>;
  changePassword(claims: DeviceClaims, input: PasswordChangeInput, context: RequestContext): Promise<void>;
}

/** The same answer for an unknown email and a wrong password, in words about email accounts. */
const invalidCredentials = () =>
  new AppError('OT_ERR_INVALID_CREDENTIALS', undefined, 'The email address or password is not right.');

/** A tenant's stored policy name; anything unknown reads as the stricter one. */
export function policyOf(stored: string): PasswordPolicy {
  return stored === 'standard' ? PASSWORD_POLICIES.standard : PASSWORD_POLICIES.pharmacy;
}

/** Writes `auth.locked_out` to the account's shop, so its owner sees that someone was guessing. */
export async function recordAccountLockout(
  db: Db,
  account: { tenantId: string; userId: string },
  lockout: Lockout,
  context: RequestContext,
  deviceId: string | null = null,
): Promise<void> {
  await db.withTenant(account.tenantId, (tx) =>
    recordAudit(tx, {
      tenantId: account.tenantId,
      action: 'auth.locked_out',
      actorUserId: account.userId,
      ...context,
      details: { kind: lockout.kind, lockSeconds: lockout.lockSeconds, lockoutNumber: lockout.lockoutNumber, deviceId },
    }),
  );
}

function conflictFrom(error: unknown): never {
  if (isUniqueViolation(error, EMAIL_CONSTRAINT)) throw new AppError('OT_ERR_EMAIL_TAKEN');
  if (isUniqueViolation(error, DEVICE_ID_CONSTRAINT)) throw new AppError('OT_ERR_DEVICE_TAKEN');
  throw error;
}

function accountSession(
  account: Omit<AccountRecord, 'email' | 'passwordHash'>,
  deviceId: string,
  tokens: SessionTokens,
): AccountSession {
  return {
    ...tokens,
    tenant: { id: account.tenantId, businessName: account.businessName },
    branch: { id: account.branchId, name: account.branchName },
    user: { id: account.userId, name: account.userName, role: account.role },
    device: { id: deviceId },
    mfa: { required: MFA_ROLES.includes(account.role), enrolled: account.totpEnabled },
  };
}

export function createAccountService(db: Db, sessions: SessionService, attempts: AttemptGuard): AccountService {
  type SignInOutcome = { kind: 'ok'; tokens: SessionTokens } | { kind: 'mfa_invalid' } | { kind: 'gone' };

  /** The password was right: checks the second factor if the account has one, and opens the session. */
  function openSignedIn(account: AccountRecord, input: EmailSignInInput, context: RequestContext) {
    return db.withTenant(account.tenantId, async (tx): Promise<SignInOutcome> => {
      const by = { tenantId: account.tenantId, actorUserId: account.userId, actorDeviceId: input.deviceId, ...context };
      let method: 'password' | 'totp' | 'recovery' = 'password';
      let recoveryCodesLeft = 0;
      if (account.totpEnabled) {
        const stored = await lockCredentials(tx, account.tenantId, account.userId);
        if (!stored) return { kind: 'gone' };
        const check = checkSecondFactor(stored, input);
        if (check.kind === 'missing' || check.kind === 'invalid') {
          // Committed with the refusal: the owner sees codes being guessed. No device id as actor: none was added.
          await recordAudit(tx, {
            ...by,
            actorDeviceId: null,
            action: 'auth.mfa_failed',
            details: { method: check.kind === 'invalid' ? check.method : 'totp', deviceId: input.deviceId },
          });
          return { kind: 'mfa_invalid' };
        }
        if (check.kind === 'totp') {
          await updateCredentials(tx, account.userId, { totpLastStep: check.step });
          method = 'totp';
        } else {
          await updateCredentials(tx, account.userId, { recoveryCodeHashes: check.remaining });
          method = 'recovery';
          recoveryCodesLeft = check.remaining.length;
        }
      }
      await insertDevice(tx, { ...account, id: input.deviceId, name: input.deviceName });
      await recordAudit(tx, {
        ...by,
        action: 'device.registered',
        details: { branchId: account.branchId, deviceName: input.deviceName ?? null },
      });
      if (method === 'recovery') {
        await recordAudit(tx, { ...by, action: 'auth.recovery_code_used', details: { recoveryCodesLeft } });
      }
      await recordAudit(tx, { ...by, action: 'auth.sign_in', details: { branchId: account.branchId, method } });
      const permissions = sessionPermissions({
        role: account.role,
        hasPassword: true,
        totpEnabled: account.totpEnabled,
      });
      const tokens = await sessions.open(
        tx,
        { ...account, deviceId: input.deviceId, permissions, devicePublicKey: input.devicePublicKey },
        context,
      );
      return { kind: 'ok', tokens };
    });
  }

  return {
    async register(input, context) {
      await assertAcceptablePassword(
        input.password,
        PASSWORD_POLICIES[input.preset],
        { email: input.email, name: input.ownerName, businessName: input.businessName },
        { field: 'password' },
      );
      const passwordHash = await hashPassword(input.password);
      const tenantId = randomUUID();
      const { shop, tokens } = await db
        .withTenant(tenantId, async (tx) => {
          const shop = await insertShop(tx, { ...input, tenantId, passwordHash, passwordPolicy: input.preset });
          await insertDevice(tx, { ...shop, id: input.deviceId, name: input.deviceName });
          const by = { tenantId, actorUserId: shop.userId, actorDeviceId: input.deviceId, ...context };
          await recordAudit(tx, {
            ...by,
            action: 'shop.registered',
            details: { businessName: input.businessName, branchId: shop.branchId, passwordPolicy: input.preset },
          });
          await recordAudit(tx, {
            ...by,
            action: 'device.registered',
            details: { branchId: shop.branchId, deviceName: input.deviceName ?? null },
          });
          const permissions = sessionPermissions({ role: 'OWNER', hasPassword: true, totpEnabled: false });
          const opened = await sessions.open(
            tx,
            { ...shop, deviceId: input.deviceId, permissions, devicePublicKey: input.devicePublicKey },
            context,
          );
          return { shop, tokens: opened };
        })
        .catch(conflictFrom);
      return accountSession(
        {
          ...shop,
          userName: input.ownerName,
          role: 'OWNER',
          businessName: input.businessName,
          branchName: 'Main',
          totpEnabled: false,
        },
        input.deviceId,
        tokens,
      );
    },

    async signIn(input, context) {
      // Unknown addresses are counted too: a lock must not tell which addresses have an account.
      await attempts.check('signin', input.email);
      const tenantId = await findAccountTenant(db.orm, input.email);
      const account = tenantId ? await db.withTenant(tenantId, (tx) => findAccountByEmail(tx, input.email)) : undefined;
      const valid = account?.passwordHash
        ? await verifyPassword(account.passwordHash, input.password)
        : await verifyDecoy(input.password);
      if (!account || !valid) {
        // An unknown address names no shop, so there is no tenant log to write to.
        if (account) {
          await db.withTenant(account.tenantId, (tx) =>
            recordAudit(tx, {
              tenantId: account.tenantId,
              action: 'auth.sign_in_failed',
              actorUserId: account.userId,
              ...context,
              details: { reason: 'wrong_password', deviceId: input.deviceId },
            }),
          );
        }
        const lockout = await attempts.failed('signin', input.email);
        if (lockout && account) await recordAccountLockout(db, account, lockout, context, input.deviceId);
        throw invalidCredentials();
      }
      await attempts.succeeded('signin', input.email);

      if (account.totpEnabled) {
        // The password alone is not enough: the PWA asks for a code and sends both again.
        if (input.totpCode === undefined && input.recoveryCode === undefined) throw new AppError('OT_ERR_MFA_REQUIRED');
        await attempts.check('mfa', account.userId);
      }
      const outcome = await openSignedIn(account, input, context).catch(conflictFrom);
      if (outcome.kind === 'gone') throw invalidCredentials();
      if (outcome.kind === 'mfa_invalid') {
        const lockout = await attempts.failed('mfa', account.userId);
        if (lockout) await recordAccountLockout(db, account, lockout, context, input.deviceId);
        throw new AppError('OT_ERR_MFA_INVALID');
      }
      if (account.totpEnabled) await attempts.succeeded('mfa', account.userId);
      return accountSession(account, input.deviceId, outcome.tokens);
    },

    async changePassword(claims, input, context) {
      const { tenantId, userId } = claims;
      const account = await db.withTenant(tenantId, (tx) => lockCredentials(tx, tenantId, userId));
      if (!account) throw new AppError('OT_ERR_UNAUTHENTICATED');
      const { email, passwordHash } = account;
      if (!email || !passwordHash) throw new AppError('OT_ERR_NOT_PASSWORD_ACCOUNT');
      // Guessing the current password here counts with guessing it at sign-in: one lock for both.
      await attempts.check('signin', email);
      if (!(await verifyPassword(passwordHash, input.currentPassword))) {
        const lockout = await attempts.failed('signin', email);
        if (lockout) await recordAccountLockout(db, claims, lockout, context, claims.deviceId);
        throw new AppError('OT_ERR_PASSWORD_WRONG');
      }
      await attempts.succeeded('signin', email);

      const policy = policyOf(account.passwordPolicy);
      // Newest first, the current password first of all, even if an older row's history missed it.
      const previous = [passwordHash, ...account.passwordHistory.filter((hash) => hash !== passwordHash)];
      await assertAcceptablePassword(
        input.newPassword,
        policy,
        { email, name: account.userName, businessName: account.businessName },
        { field: 'newPassword', previousHashes: previous },
      );
      const newHash = await hashPassword(input.newPassword);
      await db.withTenant(tenantId, async (tx) => {
        const current = await lockCredentials(tx, tenantId, userId);
        // Changed by another request since it was checked: that one's new password is not this one's "current".
        if (current?.passwordHash !== passwordHash) throw new AppError('OT_ERR_PASSWORD_WRONG');
        await updateCredentials(tx, userId, {
          passwordHash: newHash,
          passwordHistory: [newHash, ...previous].slice(0, policy.historyDepth),
        });
        await recordAudit(tx, {
          tenantId,
          action: 'user.password_changed',
          actorUserId: userId,
          actorDeviceId: claims.deviceId,
          ...context,
          details: { userId },
        });
      });
    },
  };
}
