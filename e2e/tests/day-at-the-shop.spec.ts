/**
 * A day at the shop (issue 5, Must show 2), at 360×740 with the network off for
 * most of it. Online first, the owner adds the products (one zero-rated, one
 * sold by weight), a cashier, and turns cash rounding on. Offline, the cashier
 * opens a shift and rings up 20 sales with mixed and split tenders: one by
 * keyboard-wedge scan, one weighed by a scale label, one parked and resumed, one
 * with a price the owner approves by PIN, one on a customer's book; then a
 * partial refund and a void (both approved by the owner's PIN), a payment on
 * account, and a blind cash-up. Online again, the server's Z report of the shift
 * agrees with the phone's to the cent.
 */
import { expect, test, type Page } from '@playwright/test';
import { storedDevice } from '../support/device.js';
import { E2E_BASE_URL, queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

const BREAD = 'Albany Superior White Bread 700g';
const BREAD_BARCODE = '6001253010123';
const MILK = 'Clover Full Cream Milk 1L';
const MAIZE = 'Ace Maize Meal 5kg';
const BROWN = 'Sasko Brown Bread 600g';
const MINCE = 'Beef Mince per kg';
const MINCE_BARCODE = '2500045';
const OWNER = 'Nomsa Dlamini';
const OWNER_PIN = '2580';
const CASHIER = 'Thandi Nkosi';
const CASHIER_PIN = '1111';
const CUSTOMER = 'Sipho Ndlovu';

/** The server's X/Z report (packages/domain ShiftReportAnswer), as far as this test reads it. */
interface ServerReport {
  sales: { count: number; gross: number; vat: number; byTender: Record<string, number> };
  refunds: { count: number; amount: number };
  voids: { count: number; amount: number };
  overrides: { count: number; given: number };
  paymentsOnAccount: { count: number; amount: number; byMethod: Record<string, number> };
  float: number;
  cashIn: number;
  cashOut: number;
  expectedCash: number;
  counted: number | null;
  variance: number | null;
}

/** Cents as the till shows them: R 1 234,50. */
function rands(amount: number): string {
  const whole = String(Math.floor(amount / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `R ${whole},${String(amount % 100).padStart(2, '0')}`;
}

const METHOD_NAMES: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  mobile_money: 'Mobile money',
  store_credit: 'Store credit',
  account: 'Book',
};

/** The rows the phone shows for a report (ShiftReportView), rebuilt from the server's figures. */
function rowsOf(report: ServerReport): [string, string][] {
  const plural = (count: number, one: string, other = `${one}s`) => `${count} ${count === 1 ? one : other}`;
  const byMethod = (amounts: Record<string, number>) =>
    Object.keys(METHOD_NAMES)
      .filter((method) => (amounts[method] ?? 0) > 0)
      .map((method): [string, string] => [`  ${METHOD_NAMES[method]}`, rands(amounts[method] ?? 0)]);
  return [
    [plural(report.sales.count, 'sale'), rands(report.sales.gross)],
    ...byMethod(report.sales.byTender),
    ['VAT included', rands(report.sales.vat)],
    [plural(report.refunds.count, 'refund'), rands(report.refunds.amount)],
    [plural(report.voids.count, 'void'), rands(report.voids.amount)],
    [plural(report.overrides.count, 'price change'), rands(report.overrides.given)],
    ...(report.paymentsOnAccount.count > 0
      ? [
          [
            plural(report.paymentsOnAccount.count, 'payment on account', 'payments on account'),
            rands(report.paymentsOnAccount.amount),
          ] as [string, string],
          ...byMethod(report.paymentsOnAccount.byMethod),
        ]
      : []),
    ['Float', rands(report.float)],
    ['Cash in', rands(report.cashIn)],
    ['Cash out', rands(report.cashOut)],
    ['Cash expected', rands(report.expectedCash)],
    ...(report.counted === null ? [] : [['Cash counted', rands(report.counted)] as [string, string]]),
    ...(report.variance === null || report.variance === 0
      ? []
      : [[report.variance < 0 ? 'Short' : 'Over', rands(Math.abs(report.variance))] as [string, string]]),
  ];
}

function tile(page: Page, name: string) {
  return page.getByTestId('product-tile').filter({ hasText: name });
}

function cartLine(page: Page, name: string) {
  return page.getByTestId('cart-line').filter({ hasText: name });
}

/** The cash the drawer should hold, kept by the test as the day goes. */
let drawer = 0;
let salesMade = 0;

async function newSale(page: Page) {
  await expect(page.getByTestId('sale-done')).toBeVisible();
  salesMade += 1;
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
}

/** Pays all in cash: `due` is the total rounded down to 10c (R1); `given` is handed over. */
async function payCash(page: Page, due: number, given: number) {
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('amount-due')).toHaveText(rands(due));
  await page.getByTestId('tendered-input').fill((given / 100).toFixed(2));
  await expect(page.getByTestId('change-amount')).toHaveText(rands(given - due));
  await page.getByTestId('confirm-payment').click();
  drawer += due;
  await newSale(page);
}

/** Pays by card or mobile money, exactly (no rounding: R1 is for all-cash sales). */
async function payBy(page: Page, method: 'card' | 'mobile_money', total: number) {
  await page.getByTestId('pay-button').click();
  await page.getByTestId(`method-${method}`).click();
  await expect(page.getByTestId('amount-due')).toHaveText(rands(total));
  if (method === 'mobile_money') {
    await page.getByTestId('mobile-provider').selectOption('zapper');
    await page.getByTestId('tender-reference').fill(`ZP-${salesMade}`);
  }
  await page.getByTestId('confirm-payment').click();
  await newSale(page);
}

/** Pays `card` by card, then the rest in cash with `given` handed over. */
async function paySplit(page: Page, total: number, card: number, given: number) {
  await page.getByTestId('pay-button').click();
  await page.getByTestId('method-card').click();
  await page.getByTestId('tendered-input').fill((card / 100).toFixed(2));
  await page.getByTestId('add-tender').click();
  await page.getByTestId('method-cash').click();
  await expect(page.getByTestId('amount-due')).toHaveText(rands(total - card));
  await page.getByTestId('tendered-input').fill((given / 100).toFixed(2));
  await expect(page.getByTestId('change-amount')).toHaveText(rands(given - (total - card)));
  await page.getByTestId('confirm-payment').click();
  drawer += total - card;
  await newSale(page);
}

/** The owner approves on the spot with her PIN, the cashier staying signed in. */
async function ownerApproves(page: Page) {
  const approval = page.getByTestId('manager-approval');
  await expect(approval).toBeVisible();
  await approval.getByTestId('cashier-option').filter({ hasText: OWNER }).click();
  await page.keyboard.type(OWNER_PIN);
  await page.keyboard.press('Enter');
  await expect(approval).toHaveCount(0);
}

test.setTimeout(300_000);

test('a day at the shop offline: 20 sales, a refund, a void, the book, a blind cash-up; the server’s Z report agrees', async ({
  page,
  context,
}) => {
  const shop = `Day Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: BREAD, price: '18.99', barcode: BREAD_BARCODE, category: 'Bakery' });
  await addProduct(page, { name: MILK, price: '21.99', category: 'Dairy' });
  await addProduct(page, { name: MAIZE, price: '89.99', category: 'Groceries', favourite: true });
  await addProduct(page, { name: MINCE, price: '119.99', barcode: MINCE_BARCODE });
  // Brown bread is zero-rated in South Africa: no VAT in its price.
  await addProduct(page, { name: BROWN, price: '16.49', category: 'Bakery', taxClass: 'zero' });

  // The owner turns cash rounding on and adds a cashier (both online only).
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-name').fill(CASHIER);
  await page.getByTestId('staff-pin').fill(CASHIER_PIN);
  await page.getByTestId('staff-submit').click();
  await expect(page.getByTestId('staff-message')).toContainText(`${CASHIER} added`);
  await page.getByTestId('staff-section-shop').click();
  // The box shows the shop's setting: it ticks once the server has stored the change.
  await page.getByTestId('setting-cash-rounding').click();
  await expect(page.getByTestId('shop-settings-message')).toContainText('Saved');
  await expect(page.getByTestId('setting-cash-rounding')).toBeChecked();
  await page.screenshot({ path: `${SCREENSHOTS}day-shop-settings.png` });
  await expectAllSynced(page);
  await page.getByTestId('switch-cashier').click();
  await expect(page.getByTestId('cashier-option').filter({ hasText: CASHIER })).toBeVisible();
  await page.keyboard.press('Escape');

  // Offline from here, through a reload.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-sell').click();

  // The cashier switches in and opens her shift with a R 300 float.
  await page.getByTestId('switch-cashier').click();
  await page.getByTestId('cashier-option').filter({ hasText: CASHIER }).click();
  await page.keyboard.type(CASHIER_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('acting-user')).toHaveText('Thandi');
  await page.getByTestId('shift-button').click();
  const shiftDialog = page.getByTestId('shift-dialog');
  await shiftDialog.getByTestId('shift-float').fill('300');
  await shiftDialog.getByTestId('shift-open-confirm').click();
  await expect(shiftDialog.getByTestId('x-report')).toBeVisible();
  await shiftDialog.getByRole('button', { name: 'Close', exact: true }).click();
  drawer = 30_000;

  // A customer with a R 300 book, added at the till's Customers tab, offline.
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-add').click();
  await page.getByTestId('customer-name').fill(CUSTOMER);
  await page.getByTestId('customer-phone').fill('082 555 7777');
  await page.getByTestId('customer-limit').fill('300');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(0));
  await page.getByTestId('nav-sell').click();

  // 1. A loaf from the keyboard-wedge scanner (no field focused) and a milk: R 40,98, rounded to R 40,90.
  await page.getByTestId('cart-total').click();
  await page.keyboard.type(BREAD_BARCODE, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(cartLine(page, BREAD)).toBeVisible();
  await tile(page, MILK).click();
  await page.screenshot({ path: `${SCREENSHOTS}day-cart.png` });
  await payCash(page, 4090, 5000);

  // 2. Maize and a loaf, R 108,98: R 50,98 by card, the rest in cash (a split is not rounded; the card takes
  // the odd cents, as cashiers do, since the drawer has no coins below 10c).
  await tile(page, MAIZE).click();
  await tile(page, BREAD).click();
  await paySplit(page, 10_898, 5098, 6000);
  const splitSale = 2;

  // 3. A milk by mobile money (Zapper, with its reference).
  await tile(page, MILK).click();
  await payBy(page, 'mobile_money', 2199);

  // 4. A scale label: 750 g of mince at R 119,99/kg is R 89,99; by card.
  await page.getByTestId('product-search').fill('2500045007500');
  await page.getByTestId('product-search').press('Enter');
  await expect(cartLine(page, MINCE)).toContainText('0.750 kg at R 119,99/kg');
  await payBy(page, 'card', 8999);

  // 5–6. Mrs Khumalo's bread and milk are parked; the next customer's maize is paid; hers resumed and paid.
  await tile(page, BREAD).click();
  await tile(page, MILK).click();
  await page.getByTestId('park-sale').click();
  await page.getByTestId('park-label').fill('Mrs Khumalo');
  await page.getByTestId('park-confirm').click();
  await expect(page.getByTestId('parked-sales')).toHaveText('1 parked');
  await tile(page, MAIZE).click();
  await payCash(page, 8990, 9000);
  await page.getByTestId('parked-sales').click();
  await page.getByTestId('resume-sale').click();
  await expect(page.getByTestId('cart-total')).toHaveText(rands(4098));
  await payCash(page, 4090, 5000);

  // 7. A loaf at R 15: the cashier may not change prices, so the owner approves with her PIN.
  await tile(page, BREAD).click();
  await cartLine(page, BREAD).getByTestId('cart-line-edit').click();
  const editor = page.getByTestId('line-editor');
  await editor.getByTestId('line-price').fill('15');
  await editor.getByTestId('line-change-price').click();
  await ownerApproves(page);
  await expect(cartLine(page, BREAD)).toContainText('(was R 18,99)');
  await expect(page.getByTestId('acting-user')).toHaveText('Thandi');
  await payCash(page, 1500, 2000);

  // 8. Two brown loaves (zero-rated), R 32,98, rounded to R 32,90, found on the Bakery shelf.
  await page.getByTestId('shelf-category').filter({ hasText: 'Bakery' }).click();
  await expect(page.getByTestId('product-tile')).toHaveCount(2);
  await tile(page, BROWN).click();
  await tile(page, BROWN).click();
  await page.getByTestId('shelf-all').click();
  await payCash(page, 3290, 4000);

  // 9. Sipho's maize on his book, from the Favourites shelf.
  await page.getByTestId('shelf-favourites').click();
  await expect(page.getByTestId('product-tile')).toHaveCount(1);
  await tile(page, MAIZE).click();
  await page.getByTestId('shelf-all').click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('sale-customer-add').click();
  await page.getByTestId('sale-customer-search').fill('082 555 7');
  await page.getByRole('button', { name: new RegExp(CUSTOMER) }).click();
  await expect(page.getByTestId('sale-customer-book')).toHaveText(`Book: may buy ${rands(30_000)} more`);
  await page.getByTestId('method-account').click();
  await expect(page.getByTestId('amount-due')).toHaveText(rands(8999));
  await page.screenshot({ path: `${SCREENSHOTS}day-book-sale.png` });
  await page.getByTestId('confirm-payment').click();
  await newSale(page);

  // 10–20: the day's other sales.
  await tile(page, BREAD).click();
  await payCash(page, 1890, 2000);
  await tile(page, MILK).click();
  await payBy(page, 'card', 2199);
  await tile(page, BREAD).click();
  await payBy(page, 'mobile_money', 1899);
  await tile(page, MILK).click();
  await payCash(page, 2190, 2190);
  await tile(page, MAIZE).click();
  await payBy(page, 'card', 8999);
  await tile(page, BROWN).click();
  await payCash(page, 1640, 2000);
  await tile(page, MILK).click();
  await tile(page, BREAD).click();
  await paySplit(page, 4098, 2098, 2500);
  await tile(page, MAIZE).click();
  await payCash(page, 8990, 10_000);
  await tile(page, BREAD).click();
  await tile(page, MILK).click();
  await payBy(page, 'card', 4098);
  await tile(page, MILK).click();
  await payCash(page, 2190, 2190);
  const voidedSale = 19;
  await tile(page, BREAD).click();
  await page.screenshot({ path: `${SCREENSHOTS}day-payment.png` });
  await payCash(page, 1890, 5000);
  expect(salesMade).toBe(20);

  // A partial refund of sale 2: one loaf back as paid, to the card first; the owner approves.
  const { deviceId } = await storedDevice(page);
  // RC1: the shop's first phone is till T1.
  const receipt = (seq: number) => `T1-${seq}`;
  await page.getByTestId('nav-sales').click();
  await page.getByTestId('receipt-search').fill(receipt(splitSale));
  await page.getByTestId('receipt-find').click();
  await expect(page.getByTestId('refund-receipt')).toHaveText(receipt(splitSale));
  await page
    .getByTestId('refund-line')
    .filter({ hasText: BREAD })
    .getByRole('button', { name: `One more ${BREAD}` })
    .click();
  await page.getByRole('button', { name: 'Changed mind' }).click();
  await expect(page.getByText('As paid: card R 18,99')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}day-refund.png` });
  await page.getByTestId('refund-confirm').click();
  await ownerApproves(page);
  await expect(page.getByTestId('refund-part')).toHaveText(['cardR 18,99']);
  await page.getByTestId('refund-done-ok').click();

  // A refund of what was refunded already is refused: the loaf shows as returned, nothing to confirm.
  await page.getByTestId('receipt-search').fill(receipt(splitSale));
  await page.getByTestId('receipt-find').click();
  await expect(page.getByTestId('refund-line').filter({ hasText: BREAD })).toContainText('All returned');
  await page.getByRole('button', { name: '‹ Back' }).click();

  // Sale 19 voided: the milk and its R 21,90 cash go back; the owner approves.
  await page.getByTestId('receipt-search').fill(receipt(voidedSale));
  await page.getByTestId('receipt-find').click();
  await page.getByRole('button', { name: 'Wrong item' }).click();
  await page.getByTestId('void-sale').click();
  await ownerApproves(page);
  await expect(page.getByTestId('refund-part')).toHaveText(['cashR 21,90']);
  await page.getByTestId('refund-done-ok').click();
  drawer -= 2190;

  // Sipho pays R 50 on his book, in cash.
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-search').fill('Sipho');
  await page
    .getByTestId('customer-list')
    .getByRole('button', { name: new RegExp(CUSTOMER) })
    .click();
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(8999));
  await page.getByTestId('payment-amount').fill('50');
  await page.getByTestId('payment-method-cash').click();
  await page.getByTestId('payment-take').click();
  await expect(page.getByTestId('customer-balance')).toHaveText(rands(3999));
  drawer += 5000;

  // The blind cash-up: the cashier counts R 10 less than the drawer should hold.
  await page.getByTestId('nav-sell').click();
  await page.getByTestId('shift-button').click();
  await expect(shiftDialog.getByTestId('report-expected').locator('span')).toHaveText(['Cash expected', rands(drawer)]);
  await shiftDialog.getByTestId('shift-close').click();
  await expect(shiftDialog).not.toContainText(rands(drawer));
  const counted = drawer - 1000;
  let left = counted;
  for (const denomination of [20_000, 10_000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10]) {
    const pieces = Math.floor(left / denomination);
    left -= pieces * denomination;
    if (pieces > 0) await shiftDialog.getByTestId(`count-${denomination}`).fill(String(pieces));
  }
  expect(left).toBe(0);
  await expect(shiftDialog.getByTestId('count-total')).toHaveText(`Counted: ${rands(counted)}`);
  await page.screenshot({ path: `${SCREENSHOTS}day-blind-count.png` });
  await shiftDialog.getByTestId('count-confirm').click();
  const zReport = shiftDialog.getByTestId('z-report');
  await expect(zReport.getByTestId('report-variance').locator('span')).toHaveText(['Short', 'R 10,00']);
  await page.screenshot({ path: `${SCREENSHOTS}day-z-report.png` });
  const phoneRows = await zReport
    .locator('p')
    .evaluateAll((rows) =>
      rows.map(
        (row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ')) as [string, string],
      ),
    );
  await shiftDialog.getByTestId('shift-done').click();

  // Network on: everything reaches the server, whose Z report of the shift agrees to the cent.
  await context.setOffline(false);
  await expectAllSynced(page);
  const [shift] = await queryServerDb<{ local_id: string }>(
    `select s.local_id from shifts s join tenants t on t.id = s.tenant_id where t.business_name = $1`,
    [shop],
  );
  if (!shift) throw new Error('the shift did not reach the server');
  const { token } = await storedDevice(page);
  const answer = (await (
    await page.request.get(`${E2E_BASE_URL}/api/v1/shifts/${deviceId}/${shift.local_id}/report`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json()) as { report: ServerReport; complete: boolean };
  expect(answer.complete).toBe(true);
  expect(answer.report).toMatchObject({
    sales: { count: 20 },
    refunds: { count: 1, amount: 1899 },
    voids: { count: 1, amount: 2190 },
    overrides: { count: 1, given: 399 },
    paymentsOnAccount: { count: 1, amount: 5000 },
    expectedCash: drawer,
    counted,
    variance: -1000,
  });
  const normalise = (rows: [string, string][]) => rows.map(([label, amount]) => [label.trim(), amount.trim()]);
  expect(normalise(phoneRows)).toEqual(normalise(rowsOf(answer.report)));
});
