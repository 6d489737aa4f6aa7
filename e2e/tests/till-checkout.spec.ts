/**
 * The till's selling features end to end, offline on one phone: a split tender
 * (card with a reference, the rest in cash with change), a line note, park and
 * resume around a mobile money sale, a cashier's price override approved on the
 * spot by the owner's PIN (SPEC S6), a scale label in the search box (SPEC B1,
 * S5) and a refused quantity; online again, every sale reaches the server with
 * its payment method, tendered, change, and its lines' override, note and weight.
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

const BREAD = 'Albany Superior White Bread 700g';
const BREAD_BARCODE = '6001253010123';
const MILK = 'Clover Full Cream Milk 1L';
const MINCE = 'Beef Mince per kg';
/** A scale label's first seven digits (prefix 25: the label carries grams). */
const MINCE_BARCODE = '2500045';
/** The owner's name and PIN as registerShop sets them. */
const OWNER = 'Nomsa Dlamini';
const OWNER_PIN = '2580';
const CASHIER = 'Thandi Nkosi';
const CASHIER_PIN = '1111';

/** EAN-13 check digit: weights 1, 3, 1, 3… over the first twelve digits. */
function ean13(first12: string): string {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** A cart line by the product it sells. */
function cartLine(page: Page, name: string) {
  return page.getByTestId('cart-line').filter({ hasText: name });
}

function tile(page: Page, name: string) {
  return page.getByTestId('product-tile').filter({ hasText: name });
}

/** Types a code into the search box and presses Enter, as a scanner does. */
async function scan(page: Page, code: string): Promise<void> {
  await page.getByTestId('product-search').fill(code);
  await page.getByTestId('product-search').press('Enter');
  await expect(page.getByTestId('product-search')).toHaveValue('');
}

async function confirmAndStartAgain(page: Page, change: string): Promise<void> {
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('sale-done').getByTestId('change-amount')).toHaveText(change);
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('product-search')).toBeVisible();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
}

test.setTimeout(150_000);

test('split tenders, notes, park and resume, a manager-approved price and a scale label, offline, reach the server', async ({
  page,
  context,
}) => {
  const shop = `Till Checkout Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: BREAD, price: '18.99', barcode: BREAD_BARCODE });
  await addProduct(page, { name: MILK, price: '21.99' });
  await addProduct(page, { name: MINCE, price: '119.99', barcode: MINCE_BARCODE });
  await expectAllSynced(page);

  // The owner adds a cashier (online only); the phone fetches the roster with her PIN verifier.
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-name').fill(CASHIER);
  await expect(page.getByTestId('staff-role')).toHaveValue('CASHIER');
  await page.getByTestId('staff-pin').fill(CASHIER_PIN);
  await page.getByTestId('staff-submit').click();
  await expect(page.getByTestId('staff-message')).toContainText(`${CASHIER} added`);
  await page.getByTestId('switch-cashier').click();
  await expect(page.getByTestId('cashier-option').filter({ hasText: CASHIER })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('switch-cashier-dialog')).toHaveCount(0);

  // Offline from here, through a reload.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('acting-user')).toHaveText('Nomsa');

  // (1) Two loaves and a milk, R 59,97: R 20 by card, the rest in cash. One loaf comes from a
  // keyboard-wedge scanner with no field focused (keys 5 ms apart, then Enter), the other by a tap.
  await page.getByTestId('cart-total').click();
  await expect(page.getByTestId('product-search')).not.toBeFocused();
  await page.keyboard.type(BREAD_BARCODE, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(cartLine(page, BREAD)).toContainText('R 18,99');
  await expect(page.getByTestId('product-search')).toHaveValue('');
  await tile(page, BREAD).click();
  await tile(page, MILK).click();
  await expect(cartLine(page, BREAD)).toContainText('R 37,98');
  await expect(page.getByTestId('cart-total')).toHaveText('R 59,97');
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('amount-due')).toHaveText('R 59,97');
  await page.getByTestId('method-card').click();
  await page.getByTestId('tendered-input').fill('20');
  await page.getByTestId('tender-reference').fill('4711');
  await expect(page.getByTestId('confirm-payment')).toHaveCount(0);
  await expect(page.getByTestId('add-tender')).toHaveText('Take R 20,00 by Card, then the rest');
  await page.getByTestId('add-tender').click();
  const parts = page.getByTestId('tender-part');
  await expect(parts).toHaveCount(1);
  await expect(parts.first()).toContainText('Card · 4711');
  await expect(parts.first()).toContainText('R 20,00');
  await expect(page.getByTestId('amount-due')).toHaveText('R 39,97');
  await page.getByTestId('method-cash').click();
  await page.getByTestId('tendered-input').fill('50');
  await expect(page.getByTestId('change-amount')).toHaveText('R 10,03');
  await page.screenshot({ path: `${SCREENSHOTS}till-split-payment.png` });
  await confirmAndStartAgain(page, 'R 10,03');

  // (2) A milk with a note, parked under a name; it stays parked through a reload.
  await tile(page, MILK).click();
  await cartLine(page, MILK).getByTestId('cart-line-edit').click();
  const editor = page.getByTestId('line-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('line-quantity')).toHaveValue('1');
  await editor.getByTestId('line-note').fill('Fetch after school');
  await page.screenshot({ path: `${SCREENSHOTS}till-line-editor.png` });
  await editor.getByTestId('line-save').click();
  await expect(editor).toHaveCount(0);
  await expect(cartLine(page, MILK)).toContainText('Fetch after school');
  await page.getByTestId('park-sale').click();
  await page.getByTestId('park-label').fill('Mrs Khumalo');
  await page.getByTestId('park-confirm').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(page.getByTestId('parked-sales')).toHaveText('1 parked');
  await page.reload();
  await page.getByTestId('nav-sell').click();
  await expect(page.getByTestId('parked-sales')).toHaveText('1 parked');

  // The next customer pays a loaf by PayShap.
  await tile(page, BREAD).click();
  await page.getByTestId('pay-button').click();
  await page.getByTestId('method-mobile_money').click();
  await page.getByTestId('mobile-provider').selectOption('payshap');
  await page.getByTestId('tender-reference').fill('PS-20931');
  await expect(page.getByTestId('tendered-input')).toHaveValue('');
  await confirmAndStartAgain(page, 'R 0,00');

  // Mrs Khumalo's milk comes back, note and all, and is paid exactly in cash.
  await page.getByTestId('parked-sales').click();
  const resume = page.getByTestId('resume-sale');
  await expect(resume).toHaveCount(1);
  await expect(resume).toContainText('Mrs Khumalo');
  await expect(resume).toContainText('R 21,99');
  await page.screenshot({ path: `${SCREENSHOTS}till-parked-sales.png` });
  await resume.click();
  await expect(page.getByTestId('parked-sales')).toHaveCount(0);
  await expect(cartLine(page, MILK)).toContainText('Fetch after school');
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('21.99');
  await expect(page.getByTestId('change-amount')).toHaveText('R 0,00');
  await confirmAndStartAgain(page, 'R 0,00');

  // (3) The cashier switches in; she may not change a price, so the owner approves it with her PIN.
  await page.getByTestId('switch-cashier').click();
  await page.getByTestId('cashier-option').filter({ hasText: CASHIER }).click();
  await page.keyboard.type(CASHIER_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('switch-cashier-dialog')).toHaveCount(0);
  await expect(page.getByTestId('acting-user')).toHaveText('Thandi');
  await tile(page, BREAD).click();
  await cartLine(page, BREAD).getByTestId('cart-line-edit').click();
  await editor.getByTestId('line-price').fill('15');
  await editor.getByTestId('line-change-price').click();
  const approval = editor.getByTestId('manager-approval');
  await expect(approval).toContainText(`Change ${BREAD} from R 18,99 to R 15,00: a manager must approve.`);
  const approvers = approval.getByTestId('cashier-option');
  await expect(approvers).toHaveCount(1); // the owner; not the cashier herself
  await expect(approvers).toContainText(OWNER);
  await page.screenshot({ path: `${SCREENSHOTS}till-manager-approval.png` });
  await approvers.click();
  await page.keyboard.type(OWNER_PIN);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(cartLine(page, BREAD)).toContainText('R 15,00');
  await expect(cartLine(page, BREAD)).toContainText('(was R 18,99)');
  await expect(page.getByTestId('cart-total')).toHaveText('R 15,00');
  await expect(page.getByTestId('acting-user')).toHaveText('Thandi');
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('20');
  await expect(page.getByTestId('change-amount')).toHaveText('R 5,00');
  await confirmAndStartAgain(page, 'R 5,00');

  // (4) A scale label: 750 g of mince at R 119,99/kg is R 89,99 (8 999,25 cents, rounded half up).
  const label = ean13(`${MINCE_BARCODE}00750`); // PP 25, item 00045, 00750 g, check digit
  expect(label).toBe('2500045007500');
  await scan(page, label);
  const mince = cartLine(page, MINCE);
  await expect(mince).toContainText('0.750 kg at R 119,99/kg');
  await expect(mince).toContainText('R 89,99');
  await expect(mince.getByTestId('cart-line-plus')).toHaveCount(0);
  await mince.getByTestId('cart-line-edit').click();
  await expect(editor.getByTestId('line-quantity')).toHaveCount(0);
  await expect(editor.getByTestId('line-price')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  // A quantity of 1.5 is refused: the line keeps its quantity of 1.
  await tile(page, MILK).click();
  await cartLine(page, MILK).getByTestId('cart-line-edit').click();
  await editor.getByTestId('line-quantity').fill('1.5');
  await editor.getByTestId('line-save').click();
  await expect(editor.getByTestId('cart-refusal')).toContainText('A quantity is a whole number from 1 to 10 000.');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(cartLine(page, MILK)).toContainText('R 21,99');
  await expect(page.getByTestId('cart-total')).toHaveText('R 111,98');
  await cartLine(page, MILK).getByTestId('cart-line-edit').click();
  await expect(editor.getByTestId('line-quantity')).toHaveValue('1');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  await page.getByTestId('pay-button').click();
  await page.getByTestId('method-card').click();
  await expect(page.getByTestId('tendered-input')).toHaveValue('');
  await confirmAndStartAgain(page, 'R 0,00');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '5');

  // (5) Online again: all five sales reach the server with their tenders and lines.
  await context.setOffline(false);
  await expectAllSynced(page);

  const [owner] = await queryServerDb<{ id: string }>(
    `select u.id from users u join tenants t on t.id = u.tenant_id where t.business_name = $1 and u.name = $2`,
    [shop, OWNER],
  );
  expect(owner?.id).toEqual(expect.any(String));
  const rows = await queryServerDb<{
    total_amount: number;
    payment_method: string;
    tendered: number;
    change: number;
    seller: string | null;
    items: Record<string, unknown>[];
  }>(
    `select s.total_amount, s.payment_method, s.tendered, s.change, u.name as seller, s.items
       from sales s join tenants t on t.id = s.tenant_id left join users u on u.id = s.user_id
      where t.business_name = $1
      order by s.total_amount`,
    [shop],
  );
  expect(rows.map(({ items: _items, ...sale }) => sale)).toEqual([
    { total_amount: 1500, payment_method: 'cash', tendered: 2000, change: 500, seller: CASHIER },
    { total_amount: 1899, payment_method: 'mobile_money', tendered: 1899, change: 0, seller: OWNER },
    { total_amount: 2199, payment_method: 'cash', tendered: 2199, change: 0, seller: OWNER },
    { total_amount: 5997, payment_method: 'split', tendered: 7000, change: 1003, seller: OWNER },
    { total_amount: 11198, payment_method: 'card', tendered: 11198, change: 0, seller: CASHIER },
  ]);
  const [overridden, payshap, resumed, split, weighed] = rows.map((row) => row.items);
  expect(overridden).toEqual([
    expect.objectContaining({
      name: BREAD,
      quantity: 1,
      price: 1500,
      override: { listPrice: 1899, approvedBy: owner?.id },
    }),
  ]);
  expect(payshap).toEqual([expect.objectContaining({ name: BREAD, quantity: 1, price: 1899 })]);
  expect(resumed).toEqual([
    expect.objectContaining({ name: MILK, quantity: 1, price: 2199, note: 'Fetch after school' }),
  ]);
  expect(split).toEqual([
    expect.objectContaining({ name: BREAD, quantity: 2, price: 1899 }),
    expect.objectContaining({ name: MILK, quantity: 1, price: 2199 }),
  ]);
  expect(weighed).toEqual([
    expect.objectContaining({ name: MINCE, quantity: 1, price: 8999, weight: { grams: 750, pricePerKg: 11999 } }),
    expect.objectContaining({ name: MILK, quantity: 1, price: 2199 }),
  ]);
  for (const items of [payshap, resumed, split, weighed]) {
    for (const line of items ?? []) expect(line).not.toHaveProperty('override');
  }

  // The parts of the payment reach the server too: the card slip's reference, the mobile money provider
  // and its reference (SPEC P4; API.md CREATE_SALE `tenders`). Checked on the whole stored row, wherever
  // the server keeps them. Fails today: the server checks `tenders` in the sale's hash, then drops them.
  const stored = await queryServerDb<{ total_amount: number; row: string }>(
    `select s.total_amount, to_jsonb(s)::text as row
       from sales s join tenants t on t.id = s.tenant_id
      where t.business_name = $1 and s.payment_method in ('split', 'mobile_money')
      order by s.total_amount`,
    [shop],
  );
  expect(stored.map((sale) => sale.total_amount)).toEqual([1899, 5997]);
  expect(stored[0]?.row).toContain('payshap');
  expect(stored[0]?.row).toContain('PS-20931');
  expect(stored[1]?.row).toContain('4711');
});
