/**
 * SPEC ID13: the PWA runs under its strict Content-Security-Policy. The app loads,
 * registers a shop, sells once, opens every screen (the lazy ones too) and reloads
 * from the service worker without one policy violation; an inline script is refused.
 */
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** What the browser says about CSP or Permissions-Policy problems on the console. */
const POLICY_MESSAGE = /content.security.policy|permissions.policy|refused to/i;

/** Collects every `securitypolicyviolation` event and every policy complaint on the console, across reloads. */
async function watchPolicies(page: Page): Promise<{ violations: Violation[]; complaints: string[] }> {
  const violations: Violation[] = [];
  const complaints: string[] = [];
  const listen = (message: ConsoleMessage) => {
    if (POLICY_MESSAGE.test(message.text())) complaints.push(`${message.type()}: ${message.text()}`);
  };
  page.on('console', listen);
  page.context().on('serviceworker', (worker) => worker.on('console', listen));
  // A binding, not page state: it survives reloads, and CSP does not govern it.
  await page.exposeFunction('reportPolicyViolation', (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportPolicyViolation: (violation: Violation) => void })
      .reportPolicyViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
    });
  });
  return { violations, complaints };
}

test('the PWA runs under its Content-Security-Policy without a violation', async ({ page, context }) => {
  const { violations, complaints } = await watchPolicies(page);
  const documentPolicies: (string | undefined)[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') {
      documentPolicies.push(response.headers()['content-security-policy']);
    }
  });

  await registerShop(page, `CSP Spaza ${Date.now()}`);
  await waitForServiceWorker(page);
  await addProduct(page, { name: 'Iwisa Maize Meal 2.5kg', price: '42.50' });

  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: 'Iwisa Maize Meal 2.5kg' }).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('50');
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expectAllSynced(page);

  // The lazily loaded screens are their own chunks.
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('conflicts-inbox')).toBeVisible();
  await page.getByTestId('nav-staff').click();
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible();

  // Offline, the page comes from the service worker's precache: the policy came with it.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('product-search')).toBeVisible();
  await context.setOffline(false);

  expect(documentPolicies.length).toBeGreaterThan(0);
  for (const policy of documentPolicies) expect(policy).toContain("script-src 'self'");
  expect(violations).toEqual([]);
  expect(complaints).toEqual([]);

  // The listeners hear a violation when there is one, and the policy really holds.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.body.append(script);
    return document.body.dataset.inlineRan === 'yes';
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.map((violation) => violation.directive)).toContain('script-src-elem');
  await expect.poll(() => complaints.length).toBeGreaterThan(0);
});
