/**
 * Issue 4 "Pharmacy accounts" and "MFA enrolment" (SPEC ID5–ID9): a pharmacy registers by email,
 * enrols in two-factor by the key shown on screen, saves its recovery codes, and signs in on
 * another phone with the password and a code; the code typed to enrol is refused there (a replay),
 * and a recovery code signs in once on a third phone.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_BASE_URL, queryServerDb } from '../support/server.js';
import { SCREENSHOTS } from '../support/shop.js';

const PASSWORD = 'amber tincture lantern river';
const STEP_MS = 30_000;

const stepAt = (ms: number) => Math.floor(ms / STEP_MS);
const codeOfStep = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * STEP_MS });

/** Collects Content-Security-Policy violations: the QR code must draw without one. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportViolation: (directive: string) => void }).reportViolation;
    document.addEventListener('securitypolicyviolation', (event) => report(event.effectiveDirective));
  });
  return violations;
}

async function startEmailSignIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(E2E_BASE_URL);
  await page.getByTestId('welcome-email-sign-in').click();
  await page.getByTestId('email-signin-email').fill(email);
  await page.getByTestId('email-signin-password').fill(PASSWORD);
  await page.getByTestId('email-signin-submit').click();
  await expect(page.getByTestId('totp-code')).toBeVisible();
  return page;
}

test('a pharmacy registers by email, enrols in two-factor and signs in again with a code', async ({
  page,
  browser,
}) => {
  const violations = await watchViolations(page);
  const email = `pharmacy-${Date.now()}@example.co.za`;
  const businessName = `Dlamini Pharmacy ${Date.now()}`;

  await page.goto(E2E_BASE_URL);
  await expect(page.getByTestId('welcome-email-register')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}welcome-pharmacy.png` });
  await page.getByTestId('welcome-email-register').click();
  await page.getByTestId('email-register-business-name').fill(businessName);
  await page.getByTestId('email-register-owner-name').fill('Nomsa Dlamini');
  await page.getByTestId('email-register-email').fill(email);
  // Too short for a pharmacy (16 characters): refused on the phone before anything is sent.
  await page.getByTestId('email-register-password').fill('amber lantern');
  await page.getByTestId('email-register-password-confirm').fill('amber lantern');
  await page.getByTestId('email-register-submit').click();
  await expect(page.getByText('Use at least 16 characters.')).toBeVisible();
  await page.getByTestId('email-register-password').fill(PASSWORD);
  await page.getByTestId('email-register-password-confirm').fill(PASSWORD);
  await page.getByTestId('email-register-submit').click();

  // Enrolment comes first: the till does not open before two-factor is on.
  await page.getByTestId('mfa-start').click();
  await expect(page.getByTestId('mfa-qr')).toBeVisible();
  await expect(page.getByTestId('product-search')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}mfa-enrolment.png`, fullPage: true });
  const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const enrolStep = stepAt(Date.now());
  await page.getByTestId('mfa-code').fill(codeOfStep(secret, enrolStep));
  await page.getByTestId('mfa-confirm').click();

  const codes = page.getByTestId('recovery-code-item');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  await page.screenshot({ path: `${SCREENSHOTS}mfa-recovery-codes.png`, fullPage: true });
  await page.getByTestId('recovery-saved').click();
  // The refresh gave the session the owner's actions: the till opens, with the owner's Staff tab.
  await expect(page.getByTestId('product-search')).toBeVisible();
  await expect(page.getByTestId('nav-staff')).toBeVisible();
  expect(violations).toEqual([]);

  const [account] = await queryServerDb<{ enabled: boolean; codes: number; policy: string }>(
    `select u.totp_enabled_at is not null as enabled, jsonb_array_length(u.recovery_code_hashes) as codes,
            t.password_policy as policy
       from users u join tenants t on t.id = u.tenant_id where u.email = $1`,
    [email],
  );
  expect(account).toEqual({ enabled: true, codes: 10, policy: 'pharmacy' });

  // Another phone: the password, then a code. The code typed to enrol is a replay, refused.
  const phone = await startEmailSignIn(browser, email);
  await phone.getByTestId('totp-code').fill(codeOfStep(secret, enrolStep));
  await phone.getByTestId('totp-submit').click();
  await expect(phone.getByRole('alert')).toContainText('used already');
  await phone.screenshot({ path: `${SCREENSHOTS}mfa-sign-in-code.png` });
  // The next code the app shows (accepted a step early, or the current one if time moved on).
  await phone.getByTestId('totp-code').fill(codeOfStep(secret, Math.max(enrolStep + 1, stepAt(Date.now()))));
  await phone.getByTestId('totp-submit').click();
  await expect(phone.getByTestId('product-search')).toBeVisible();

  // A third phone, the authenticator lost: a recovery code signs in, once.
  const third = await startEmailSignIn(browser, email);
  await third.getByTestId('totp-switch').click();
  await third.getByTestId('recovery-code').fill(recoveryCodes[0] ?? '');
  await third.getByTestId('totp-submit').click();
  await expect(third.getByTestId('product-search')).toBeVisible();
  const [left] = await queryServerDb<{ codes: number }>(
    `select jsonb_array_length(recovery_code_hashes) as codes from users where email = $1`,
    [email],
  );
  expect(left?.codes).toBe(9);
});
