/**
 * The spaza's book end to end, offline on one phone (SPEC CU1–CU6, SH7): a customer
 * with a R 200 limit buys R 150 on the book; a second R 80 on the book is refused
 * (only R 50 of room); a R 100 payment on account in cash makes room, and the R 80
 * goes through. Online again, the server's statement of the customer owes what the
 * phone shows, to the cent, and the shift's X report (phone and server) counts the
 * cash paid on account in the drawer.
 */
import { expect, test, type Page } from '@playwright/test';
import { storedDevice } from '../support/device.js';
import { E2E_BASE_URL, queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

const MAIZE = 'Ace Maize Meal 5kg';
const SUGAR = 'Huletts Sugar 2kg';

/** Cents as the till shows them: R 1 234,50 (Playwright reads the app's non-breaking spaces as spaces). */
function rands(amount: number): string {
  const whole = String(Math.floor(amount / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `R ${whole},${String(amount % 100).padStart(2, '0')}`;
}

/** Rings up one product and opens the payment screen with Thandi attached. */
async function payWithThandi(page: Page, product: string, total: number): Promise<void> {
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('product-tile').filter({ hasText: product }).click();
  await expect(page.getByTestId('cart-total')).toHaveText(rands(total));
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('amount-due')).toHaveText(rands(total));
  if ((await page.getByTestId('sale-customer').count()) === 0) {
    await page.getByTestId('sale-customer-add').click();
    await page.getByTestId('sale-customer-search').fill('082 555');
    await page.getByRole('button', { name: /Thandi Mokoena/ }).click();
  }
  await expect(page.getByTestId('sale-customer')).toContainText('Thandi Mokoena');
}

async function openThandi(page: Page): Promise<void> {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-search').fill('Thandi');
  await page
    .getByTestId('customer-list')
    .getByRole('button', { name: /Thandi Mokoena/ })
    .click();
}

test.setTimeout(150_000);

test('a customer’s book offline: a limit, a refusal over it, a payment on account, and the server agrees', async ({
  page,
  context,
}) => {
  const shop = `Book Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: MAIZE, price: '150.00' });
  await addProduct(page, { name: SUGAR, price: '80.00' });
  await expectAllSynced(page);

  // Offline from here, through a reload: the customers' screens come from the service worker.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');

  // A shift with a R 50 float, so the payment on account lands in its drawer.
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('shift-button').click();
  const shiftDialog = page.getByTestId('shift-dialog');
  await shiftDialog.getByTestId('shift-float').fill('50');
  await shiftDialog.getByTestId('shift-open-confirm').click();
  await expect(shiftDialog.getByTestId('x-report')).toBeVisible();
  await shiftDialog.getByRole('button', { name: 'Close', exact: true }).click();

  // CU1: Thandi, with a R 200 limit, added offline.
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-add').click();
  await page.getByTestId('customer-name').fill('Thandi Mokoena');
  await page.getByTestId('customer-phone').fill('082 555 1234');
  await page.getByTestId('customer-limit').fill('200');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(0));
  await expect(page.getByTestId('customer-room')).toHaveText(`May still buy ${rands(20_000)} on the book`);
  await expect(page.getByTestId('book-source')).toContainText('Offline');

  // R 150 on the book.
  await payWithThandi(page, MAIZE, 15_000);
  await expect(page.getByTestId('sale-customer-book')).toHaveText(`Book: may buy ${rands(20_000)} more`);
  await page.getByTestId('method-account').click();
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await page.getByTestId('new-sale').click();

  // R 80 more is over the limit: refused with a message, nothing recorded.
  await payWithThandi(page, SUGAR, 8000);
  await expect(page.getByTestId('sale-customer-book')).toHaveText(`Book: may buy ${rands(5000)} more`);
  await page.getByTestId('method-account').click();
  await expect(page.getByTestId('tender-problem')).toContainText('Over the limit');
  await expect(page.getByTestId('confirm-payment')).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}customers-over-limit.png` });
  await page.getByRole('button', { name: 'Back to sale' }).click();

  // CU3: R 100 paid on account in cash.
  await openThandi(page);
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(15_000));
  await page.getByTestId('payment-amount').fill('100');
  await page.getByTestId('payment-method-cash').click();
  await page.getByTestId('payment-take').click();
  await expect(page.getByTestId('payment-message')).toHaveText(`Payment of ${rands(10_000)} taken.`);
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(5000));
  await expect(page.getByTestId('customer-room')).toHaveText(`May still buy ${rands(15_000)} on the book`);

  // Now the R 80 goes on the book (the sugar is still in the cart, Thandi still attached).
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('cart-total')).toHaveText(rands(8000));
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('sale-customer-book')).toHaveText(`Book: may buy ${rands(15_000)} more`);
  await page.getByTestId('method-account').click();
  await expect(page.getByTestId('tender-problem')).toHaveCount(0);
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await page.getByTestId('new-sale').click();

  await openThandi(page);
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(13_000));
  await expect(page.getByTestId('book-entries').locator('li')).toHaveCount(3);
  const whatsapp = page.getByTestId('statement-whatsapp');
  await expect(whatsapp).toHaveAttribute('href', /^https:\/\/wa\.me\/27825551234\?text=/);
  const message = decodeURIComponent((await whatsapp.getAttribute('href'))?.split('?text=')[1] ?? '');
  expect(message).toContain('statement for Thandi Mokoena');
  expect(message.replace(/\s/g, ' ')).toContain(`Balance owed: ${rands(13_000)}`);
  await page.screenshot({ path: `${SCREENSHOTS}customers-book.png` });

  // SH7: the X report counts the cash paid on account in the drawer: R 50 float + R 100.
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('shift-button').click();
  const xReport = shiftDialog.getByTestId('x-report');
  await expect(xReport).toContainText('1 payment on account');
  await expect(xReport.getByTestId('report-expected').locator('span')).toHaveText(['Cash expected', rands(15_000)]);
  await shiftDialog.getByRole('button', { name: 'Close', exact: true }).click();

  // Online: everything reaches the server, and its statement owes what the phone shows.
  await context.setOffline(false);
  await expectAllSynced(page);
  const { token, deviceId } = await storedDevice(page);
  const [customer] = await queryServerDb<{ id: string; credit_limit: number }>(
    `select c.id, c.credit_limit from customers c join tenants t on t.id = c.tenant_id where t.business_name = $1`,
    [shop],
  );
  if (!customer) throw new Error('the customer did not reach the server');
  expect(customer.credit_limit).toBe(20_000);
  const statement = await page.request.get(`${E2E_BASE_URL}/api/v1/customers/${customer.id}/statement`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(statement.status()).toBe(200);
  const book = (await statement.json()) as { balance: number; entries: { kind: string; amount: number }[] };
  expect(book.balance).toBe(13_000);
  expect(book.entries.map(({ kind, amount }) => [kind, amount])).toEqual([
    ['sale', 15_000],
    ['payment', -10_000],
    ['sale', 8000],
  ]);
  await openThandi(page);
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(book.balance));
  await expect(page.getByTestId('book-source')).toContainText('all phones');

  const [shift] = await queryServerDb<{ local_id: string }>(
    `select s.local_id from shifts s join tenants t on t.id = s.tenant_id where t.business_name = $1`,
    [shop],
  );
  if (!shift) throw new Error('the shift did not reach the server');
  const report = await page.request.get(`${E2E_BASE_URL}/api/v1/shifts/${deviceId}/${shift.local_id}/report`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const answer = (await report.json()) as {
    report: { expectedCash: number; paymentsOnAccount: { count: number; byMethod: Record<string, number> } };
  };
  expect(answer.report.paymentsOnAccount).toMatchObject({ count: 1, byMethod: { cash: 10_000 } });
  expect(answer.report.expectedCash).toBe(15_000);
});
