/**
 * Email + password + TOTP accounts end to end (issue 4 "Pharmacy accounts", "MFA enrolment"; SPEC ID5–ID9):
 * a new pharmacy may only enrol until two-factor is on, then signs in with a code that works once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import type { AccountSession, MfaConfirmResponse, MfaStartResponse, SessionTokens } from '@opentill/domain';
import { TEST_DB_KIND, bearer, registerShop, testApp, testDb } from '../test/test-app.js';
import { queryRows } from '../db/client.js';
import { auditLog, users } from '../db/schema.js';
import { totpStep } from './totp.js';

const PASSWORD = 'amber tincture lantern river';
const STEP_MS = 30_000;

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

type ErrorAnswer = { error: { code: string; details?: { path: string; code?: string; message: string }[] } };

const uniqueEmail = () => `owner-${randomUUID()}@example.co.za`;

function post(url: string, payload: unknown, token?: string) {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}

function register(overrides: Record<string, unknown> = {}) {
  return post('/api/v1/auth/email/register', {
    businessName: 'Dlamini Pharmacy',
    ownerName: 'Nomsa Dlamini',
    email: uniqueEmail(),
    password: PASSWORD,
    deviceId: randomUUID(),
    ...overrides,
  });
}

async function registerPharmacy(overrides: Record<string, unknown> = {}) {
  const email = typeof overrides.email === 'string' ? overrides.email : uniqueEmail();
  const response = await register({ ...overrides, email });
  expect(response.statusCode).toBe(201);
  return { email, session: response.json<AccountSession>() };
}

function signIn(email: string, extra: Record<string, unknown> = {}) {
  return post('/api/v1/auth/email/sign-in', { email, password: PASSWORD, deviceId: randomUUID(), ...extra });
}

async function refresh(refreshToken: string): Promise<SessionTokens> {
  const response = await post('/api/v1/auth/refresh', { refreshToken });
  expect(response.statusCode).toBe(200);
  return response.json<SessionTokens>();
}

const permissionsOf = (token: string) => decodeJwt(token).perm as string[];
const errorCode = (response: { json: () => unknown }) => (response.json() as ErrorAnswer).error.code;

/** The code an authenticator app shows for this step (steps are 30 s since the epoch). */
const codeOfStep = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * STEP_MS });

/** Starts and confirms two-factor with the current step's code; answers the secret, the step used and the codes. */
async function enrol(token: string) {
  const started = await post('/api/v1/account/mfa/start', {}, token);
  expect(started.statusCode).toBe(200);
  const { secret } = started.json<MfaStartResponse>();
  const step = totpStep(Date.now());
  const confirmed = await post('/api/v1/account/mfa/confirm', { code: codeOfStep(secret, step) }, token);
  expect(confirmed.statusCode).toBe(200);
  return { secret, step, recoveryCodes: confirmed.json<MfaConfirmResponse>().recoveryCodes };
}

async function auditActions(tenantId: string): Promise<string[]> {
  const db = await testDb();
  const rows = await db.withTenant(tenantId, (tx) =>
    tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(auditLog.seq),
  );
  return rows.map((row) => row.action);
}

async function credentialsOf(tenantId: string, userId: string) {
  const db = await testDb();
  const [row] = await db.withTenant(tenantId, (tx) =>
    tx
      .select({
        passwordHash: users.passwordHash,
        passwordHistory: users.passwordHistory,
        totpLastStep: users.totpLastStep,
        recoveryCodeHashes: users.recoveryCodeHashes,
      })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.tenantId, tenantId))),
  );
  return row;
}

/** Whether any account signs in with this email (the security-definer lookup sign-in uses). */
async function accountExists(email: string): Promise<boolean> {
  const db = await testDb();
  const [row] = await queryRows<{ tenant_id: string | null }>(
    db.orm,
    sql`select account_tenant_by_email(${email}) as tenant_id`,
  );
  return Boolean(row?.tenant_id);
}

describe(`email accounts on ${TEST_DB_KIND}`, () => {
  it('registers a pharmacy whose session may only enrol, until two-factor is on and the token is refreshed', async () => {
    const { email, session } = await registerPharmacy({ email: ` Nomsa.${randomUUID()}@Example.CO.za ` });
    expect(session.mfa).toEqual({ required: true, enrolled: false });
    expect(session.user.role).toBe('OWNER');
    expect(permissionsOf(session.token)).toEqual(['account:self']);
    // A staff route, a sync push and the audit log all refuse the restricted token.
    expect((await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(session) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(session) })).statusCode).toBe(401);
    // Refreshing before enrolling changes nothing.
    const early = await refresh(session.refreshToken);
    expect(permissionsOf(early.token)).toEqual(['account:self']);

    const started = await post('/api/v1/account/mfa/start', {}, session.token);
    const { secret, otpauthUri } = started.json<MfaStartResponse>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe(`/OpenTill:${email.trim().toLowerCase()}`);
    expect(uri.searchParams.get('secret')).toBe(secret);

    const wrong = await post('/api/v1/account/mfa/confirm', { code: '000000' }, session.token);
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([401, 'OT_ERR_MFA_INVALID']);
    const step = totpStep(Date.now());
    const confirmed = await post('/api/v1/account/mfa/confirm', { code: codeOfStep(secret, step) }, session.token);
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json<MfaConfirmResponse>();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    // The stored codes are hashes only; the accepted step is kept against replays.
    const stored = await credentialsOf(session.tenant.id, session.user.id);
    expect(stored?.recoveryCodeHashes).toHaveLength(10);
    expect(stored?.recoveryCodeHashes.some((hash) => recoveryCodes.includes(hash))).toBe(false);
    expect(stored?.totpLastStep).toBe(step);

    // The access token in hand keeps its actions until it is refreshed; the refresh gives the owner's.
    expect((await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer(session) })).statusCode).toBe(401);
    const full = await refresh(early.refreshToken);
    expect(permissionsOf(full.token)).toContain('user:manage');
    const staff = await app.inject({ method: 'GET', url: '/api/v1/staff', headers: bearer({ ...session, ...full }) });
    expect(staff.statusCode).toBe(200);
  });

  it('enrols once: starting again is refused, and the log has the enrolment', async () => {
    const { session } = await registerPharmacy();
    await enrol(session.token);
    const tokens = await refresh(session.refreshToken);
    expect(permissionsOf(tokens.token)).toContain('sales:create');
    // Enrolling again would let a stolen session swap the second factor.
    const again = await post('/api/v1/account/mfa/start', {}, tokens.token);
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'OT_ERR_MFA_ALREADY_ENABLED']);
    expect(await auditActions(session.tenant.id)).toEqual(['shop.registered', 'device.registered', 'auth.mfa_enabled']);
  });

  it('asks for the code once two-factor is on, and refuses a code replayed within its window', async () => {
    const { email, session } = await registerPharmacy();
    const { secret, step } = await enrol(session.token);

    const withoutCode = await signIn(email);
    expect([withoutCode.statusCode, errorCode(withoutCode)]).toEqual([401, 'OT_ERR_MFA_REQUIRED']);
    const wrongPasswordWithCode = await signIn(email, { password: 'not the password at all', totpCode: '123456' });
    expect(errorCode(wrongPasswordWithCode)).toBe('OT_ERR_INVALID_CREDENTIALS');

    // The code typed to enrol is still inside its 90-second window, and is refused: its step is used.
    const enrolmentCode = await signIn(email, { totpCode: codeOfStep(secret, step) });
    expect([enrolmentCode.statusCode, errorCode(enrolmentCode)]).toEqual([401, 'OT_ERR_MFA_INVALID']);

    // The next step's code (what the app shows 30 s later; accepted a step early) signs in once...
    const nextCode = codeOfStep(secret, step + 1);
    const signedIn = await signIn(email, { totpCode: nextCode });
    expect(signedIn.statusCode).toBe(200);
    const account = signedIn.json<AccountSession>();
    expect(account.mfa).toEqual({ required: true, enrolled: true });
    expect(permissionsOf(account.token)).toContain('user:manage');
    expect((await credentialsOf(session.tenant.id, session.user.id))?.totpLastStep).toBe(step + 1);

    // ...and never again, nor does the earlier step's code, from any device.
    const replayed = await signIn(email, { totpCode: nextCode });
    expect([replayed.statusCode, errorCode(replayed)]).toEqual([401, 'OT_ERR_MFA_INVALID']);
    const spaced = await signIn(email, { totpCode: `${nextCode.slice(0, 3)} ${nextCode.slice(3)}` });
    expect(errorCode(spaced)).toBe('OT_ERR_MFA_INVALID');
    expect(errorCode(await signIn(email, { totpCode: codeOfStep(secret, step) }))).toBe('OT_ERR_MFA_INVALID');

    const actions = await auditActions(session.tenant.id);
    expect(actions.filter((action) => action === 'auth.mfa_failed')).toHaveLength(4);
    expect(actions.filter((action) => action === 'auth.sign_in')).toHaveLength(1);
    expect(actions).toContain('auth.sign_in_failed');
  });

  it('lets two sign-ins race with one code: exactly one gets in', async () => {
    const { email, session } = await registerPharmacy();
    const { secret, step } = await enrol(session.token);
    const code = codeOfStep(secret, step + 1);
    const answers = await Promise.all([signIn(email, { totpCode: code }), signIn(email, { totpCode: code })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
  });

  it('signs in with a recovery code once, in any spelling', async () => {
    const { email, session } = await registerPharmacy();
    const { recoveryCodes } = await enrol(session.token);
    const [first = '', second = ''] = recoveryCodes;

    const used = await signIn(email, { recoveryCode: first });
    expect(used.statusCode).toBe(200);
    expect(permissionsOf(used.json<AccountSession>().token)).toContain('user:manage');
    const again = await signIn(email, { recoveryCode: first });
    expect([again.statusCode, errorCode(again)]).toEqual([401, 'OT_ERR_MFA_INVALID']);
    const typed = await signIn(email, { recoveryCode: second.toUpperCase().replace('-', ' ') });
    expect(typed.statusCode).toBe(200);

    expect((await credentialsOf(session.tenant.id, session.user.id))?.recoveryCodeHashes).toHaveLength(8);
    const actions = await auditActions(session.tenant.id);
    expect(actions.filter((action) => action === 'auth.recovery_code_used')).toHaveLength(2);
  });

  it('refuses weak, common and personal passwords with stable codes, writing nothing', async () => {
    const cases: [password: string, extra: Record<string, unknown>, codes: string[]][] = [
      ['Kx9#vq', {}, ['PASSWORD_TOO_SHORT']],
      // 13 characters: enough for the standard policy, not for a pharmacy's 16.
      ['amber lantern', {}, ['PASSWORD_TOO_SHORT']],
      ['Password1234567890!', {}, ['PASSWORD_COMMON']],
      ['P@ssw0rd', { preset: 'standard' }, ['PASSWORD_TOO_SHORT', 'PASSWORD_COMMON']],
      ['x'.repeat(129), {}, ['PASSWORD_TOO_LONG']],
      ['Dlamini Pharmacy', {}, ['PASSWORD_SAME_AS_NAME']],
    ];
    for (const [password, extra, codes] of cases) {
      const email = uniqueEmail();
      const response = await register({ email, password, ...extra });
      const body = response.json<ErrorAnswer>();
      expect({ password, status: response.statusCode, code: body.error.code }).toEqual({
        password,
        status: 400,
        code: 'OT_ERR_PASSWORD_REJECTED',
      });
      expect(body.error.details?.map((detail) => detail.code)).toEqual(codes);
      expect(body.error.details?.every((detail) => detail.path === 'password' && detail.message.length > 10)).toBe(
        true,
      );
      expect(await accountExists(email)).toBe(false);
    }
    const local = `nomsa.dlamini.pharmacist.${Date.now()}`;
    const sameAsEmail = await register({ email: `${local}@example.co.za`, password: local });
    expect(sameAsEmail.json<ErrorAnswer>().error.details?.map((detail) => detail.code)).toEqual([
      'PASSWORD_SAME_AS_EMAIL',
    ]);
    // The standard policy takes 12 characters.
    expect((await register({ password: 'amber lantern', preset: 'standard' })).statusCode).toBe(201);
  });

  it('refuses an email that already has an account, in any case', async () => {
    const { email } = await registerPharmacy();
    const taken = await register({ email: email.toUpperCase() });
    expect([taken.statusCode, errorCode(taken)]).toEqual([409, 'OT_ERR_EMAIL_TAKEN']);
  });

  it('changes the password: the current one is checked, and none of the last five comes back', async () => {
    const { email, session } = await registerPharmacy();
    const change = (currentPassword: string, newPassword: string) =>
      post('/api/v1/account/password', { currentPassword, newPassword }, session.token);
    const before = await credentialsOf(session.tenant.id, session.user.id);

    const wrong = await change('not the password at all', 'a brand new long passphrase');
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([403, 'OT_ERR_PASSWORD_WRONG']);
    const same = await change(PASSWORD, PASSWORD);
    expect([same.statusCode, errorCode(same)]).toEqual([400, 'OT_ERR_PASSWORD_REJECTED']);
    expect(same.json<ErrorAnswer>().error.details).toEqual([
      { path: 'newPassword', code: 'PASSWORD_REUSED', message: expect.any(String) },
    ]);
    const weak = await change(PASSWORD, 'Kx9#vq');
    expect(weak.json<ErrorAnswer>().error.details?.map((detail) => detail.code)).toEqual(['PASSWORD_TOO_SHORT']);
    // Nothing was written by the refusals.
    expect(await credentialsOf(session.tenant.id, session.user.id)).toEqual(before);

    const passwords = [1, 2, 3, 4, 5].map((n) => `${PASSWORD} number ${n}`);
    let current = PASSWORD;
    for (const next of passwords) {
      expect((await change(current, next)).statusCode).toBe(204);
      current = next;
    }
    // The last five (the current one among them) are remembered; older ones may come back.
    const reused = await change(current, passwords[1] ?? '');
    expect(reused.json<ErrorAnswer>().error.details?.map((detail) => detail.code)).toEqual(['PASSWORD_REUSED']);
    expect((await credentialsOf(session.tenant.id, session.user.id))?.passwordHistory).toHaveLength(5);
    expect((await change(current, PASSWORD)).statusCode).toBe(204);

    expect((await signIn(email, { password: passwords[4] })).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(200);
    const actions = await auditActions(session.tenant.id);
    expect(actions.filter((action) => action === 'user.password_changed')).toHaveLength(6);
  });

  it('locks an email’s sign-in after five wrong passwords, in any case, and records it', async () => {
    const { email, session } = await registerPharmacy();
    const codes: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      codes.push((await signIn(email, { password: `wrong password ${attempt}` })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const locked = await signIn(email.toUpperCase());
    expect([locked.statusCode, errorCode(locked)]).toEqual([429, 'OT_ERR_LOCKED_OUT']);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await auditActions(session.tenant.id)).toContain('auth.locked_out');
    // Unknown addresses answer the same as known ones, and lock the same way.
    const unknown = uniqueEmail();
    const unknownCodes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) unknownCodes.push(errorCode(await signIn(unknown)));
    expect(unknownCodes).toEqual([...Array<string>(5).fill('OT_ERR_INVALID_CREDENTIALS'), 'OT_ERR_LOCKED_OUT']);
  });

  it('locks two-factor codes after five wrong ones, the right code too', async () => {
    const { email, session } = await registerPharmacy();
    const { secret, step } = await enrol(session.token);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(errorCode(await signIn(email, { totpCode: String(100000 + attempt) }))).toBe('OT_ERR_MFA_INVALID');
    }
    const locked = await signIn(email, { totpCode: codeOfStep(secret, step + 1) });
    expect([locked.statusCode, errorCode(locked)]).toEqual([429, 'OT_ERR_LOCKED_OUT']);
  });

  it('keeps phone accounts out of password and two-factor routes', async () => {
    const owner = await registerShop(app);
    const start = await post('/api/v1/account/mfa/start', {}, owner.token);
    expect([start.statusCode, errorCode(start)]).toEqual([409, 'OT_ERR_NOT_PASSWORD_ACCOUNT']);
    const change = await post('/api/v1/account/password', { currentPassword: 'x', newPassword: PASSWORD }, owner.token);
    expect([change.statusCode, errorCode(change)]).toEqual([409, 'OT_ERR_NOT_PASSWORD_ACCOUNT']);
  });

  it('confirms only a started enrolment', async () => {
    const { session } = await registerPharmacy();
    const early = await post('/api/v1/account/mfa/confirm', { code: '123456' }, session.token);
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'OT_ERR_MFA_NOT_STARTED']);
  });
});
