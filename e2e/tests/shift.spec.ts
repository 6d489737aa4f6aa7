/**
 * A cashier's shift end to end, offline on one phone (SPEC SH1–SH6): open it with
 * a R 200 float, sell three sales in cash (one with change) and one by card, take
 * R 30 out and put R 50 in with their reasons, read the X report, close with a
 * blind count that is R 10 short and read the Z report. Online again, the shift,
 * its movements and its sales reach the server, and the server's own report of
 * the shift agrees with the phone's to the cent.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { storedDevice } from '../support/device.js';
import { E2E_BASE_URL, queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

/** What GET /api/v1/shifts/:deviceId/:localId/report answers (packages/domain ShiftReportAnswer), as read here. */
interface ShiftReportAnswer {
  shift: { deviceId: string; localId: string; float: number; closedAt: string | null; countedTotal: number | null };
  report: {
    sales: { count: number; gross: number; vat: number; byTender: Record<string, number> };
    cashIn: number;
    cashOut: number;
    expectedCash: number;
    counted: number | null;
    variance: number | null;
  };
  recorded: { sales: number; refunds: number; movements: number } | null;
  received: { sales: number; refunds: number; movements: number };
  complete: boolean;
}

const BREAD = 'Albany Superior White Bread 700g';
const MILK = 'Clover Full Cream Milk 1L';

/** The figures of this shift, in cents. */
const FLOAT = 20_000;
/** 2 × R 18,90 + R 21,50 (R 100 tendered), R 21,50 exact, R 18,90 exact. */
const CASH_SALES = 5_930 + 2_150 + 1_890;
/** R 18,90 + 2 × R 21,50. */
const CARD_SALES = 6_190;
const CASH_OUT = 3_000;
const CASH_IN = 5_000;
const EXPECTED = FLOAT + CASH_SALES - CASH_OUT + CASH_IN; // R 319,70
const COUNTED = EXPECTED - 1_000; // R 309,70: R 10 short
/** Notes and coins (cents → pieces) adding up to COUNTED. */
const COUNT: Record<number, number> = { 20_000: 1, 5_000: 1, 2_000: 2, 1_000: 1, 500: 1, 200: 2, 50: 1, 20: 1 };

/** Cents as the till shows them: R 1 234,50 (the app writes non-breaking spaces; Playwright's text checks read them as spaces). */
function rands(amount: number): string {
  const whole = String(Math.floor(amount / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `R ${whole},${String(amount % 100).padStart(2, '0')}`;
}

function tile(page: Page, name: string) {
  return page.getByTestId('product-tile').filter({ hasText: name });
}

/** A report's rows as [label, amount], spaces normalized. */
async function reportRows(report: Locator): Promise<[string, string][]> {
  return report
    .locator('p')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()) as [string, string],
      ),
    );
}

/** Taps the products into the cart, pays and starts the next sale. */
async function sell(
  page: Page,
  products: string[],
  payment: { cash: string; change: string } | 'card',
  total: number,
): Promise<void> {
  for (const product of products) await tile(page, product).click();
  await expect(page.getByTestId('cart-total')).toHaveText(rands(total));
  await page.getByTestId('pay-button').click();
  await expect(page.getByTestId('amount-due')).toHaveText(rands(total));
  if (payment === 'card') {
    await page.getByTestId('method-card').click();
  } else {
    await page.getByTestId('tendered-input').fill(payment.cash);
    await expect(page.getByTestId('change-amount')).toHaveText(payment.change);
  }
  await page.getByTestId('confirm-payment').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  if (payment !== 'card') {
    await expect(page.getByTestId('sale-done').getByTestId('change-amount')).toHaveText(payment.change);
  }
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
}

test.setTimeout(150_000);

test('a shift opened, traded, counted blind and closed offline reaches the server with the same report', async ({
  page,
  context,
}) => {
  const shop = `Shift Spaza ${Date.now()}`;
  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: BREAD, price: '18.90' });
  await addProduct(page, { name: MILK, price: '21.50' });
  await expectAllSynced(page);

  // Offline from here, through a reload: the app shell and the shift screens come from the service worker.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-sell').click();

  // SH1: no shift yet; open one with a R 200 float.
  const bar = page.getByTestId('shift-bar');
  await expect(bar).toContainText('No shift open');
  await expect(page.getByTestId('shift-button')).toHaveText('Open shift');
  await page.getByTestId('shift-button').click();
  const dialog = page.getByTestId('shift-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('shift-float').fill('200');
  await dialog.getByTestId('shift-open-confirm').click();
  // Once open, the dialog shows the X report; closing it leaves the bar saying so.
  await expect(dialog.getByTestId('x-report')).toBeVisible();
  await expect(dialog.getByTestId('report-expected')).toContainText(rands(FLOAT));
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(bar).toContainText(/Shift open since \d{1,2}:\d{2}/);
  await expect(page.getByTestId('shift-button')).toHaveText('Shift');

  // Three sales in cash (the first with change) and one by card.
  await sell(page, [BREAD, BREAD, MILK], { cash: '100', change: 'R 40,70' }, 5_930);
  await sell(page, [MILK], { cash: '21.50', change: 'R 0,00' }, 2_150);
  await sell(page, [BREAD], { cash: '18.90', change: 'R 0,00' }, 1_890);
  await sell(page, [BREAD, MILK, MILK], 'card', CARD_SALES);

  // The open shift outlives a reload, still offline.
  await page.reload();
  await page.getByTestId('nav-sell').click();
  await expect(bar).toContainText(/Shift open since \d{1,2}:\d{2}/);

  // SH2: R 30 out for the bread delivery, R 50 in from the bank.
  await page.getByTestId('shift-button').click();
  const xReport = dialog.getByTestId('x-report');
  await expect(xReport).toBeVisible();
  await dialog.getByTestId('cash-out').click();
  await expect(dialog.getByTestId('cash-out')).toHaveAttribute('aria-checked', 'true');
  await dialog.getByTestId('cash-amount').fill('30');
  await dialog.getByTestId('cash-reason').fill('Paid the bread delivery');
  await dialog.getByTestId('cash-record').click();
  await expect(dialog.getByTestId('cash-amount')).toHaveValue('');
  await expect(dialog.getByTestId('cash-reason')).toHaveValue('');
  await dialog.getByTestId('cash-in').click();
  await expect(dialog.getByTestId('cash-in')).toHaveAttribute('aria-checked', 'true');
  await dialog.getByTestId('cash-amount').fill('50');
  await dialog.getByTestId('cash-reason').fill('Change from the bank');
  await dialog.getByTestId('cash-record').click();
  await expect(dialog.getByTestId('cash-reason')).toHaveValue('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // SH4, SH5: the X report: float + cash sales − cash out + cash in.
  await expect(xReport.getByTestId('report-expected').locator('span')).toHaveText(['Cash expected', rands(EXPECTED)]);
  const xRows = await reportRows(xReport);
  const vatShown = xRows.find(([label]) => label === 'VAT included')?.[1];
  expect(vatShown).toMatch(/^R \d+,\d\d$/);
  expect(xRows).toEqual([
    ['4 sales', rands(CASH_SALES + CARD_SALES)],
    ['Cash', rands(CASH_SALES)],
    ['Card', rands(CARD_SALES)],
    ['VAT included', vatShown],
    ['0 refunds', rands(0)],
    ['0 voids', rands(0)],
    ['0 price changes', rands(0)],
    ['Float', rands(FLOAT)],
    ['Cash in', rands(CASH_IN)],
    ['Cash out', rands(CASH_OUT)],
    ['Cash expected', rands(EXPECTED)],
  ]);
  await page.screenshot({ path: `${SCREENSHOTS}shift-x-report.png` });

  // SH3: the blind count shows only what was counted, never what the till expects.
  await dialog.getByTestId('shift-close').click();
  await expect(dialog.getByTestId('count-confirm')).toBeVisible();
  await expect(dialog.getByTestId('x-report')).toHaveCount(0);
  await expect(dialog.getByTestId('report-expected')).toHaveCount(0);
  await expect(dialog).not.toContainText('expected');
  await expect(dialog).not.toContainText(rands(EXPECTED));
  await expect(dialog.getByTestId('count-total')).toHaveText('Counted: R 0,00');
  for (const [denomination, pieces] of Object.entries(COUNT)) {
    await dialog.getByTestId(`count-${denomination}`).fill(String(pieces));
  }
  await dialog.getByTestId('count-100').fill('0'); // R 1 coins: none
  await expect(dialog.getByTestId('count-total')).toHaveText(`Counted: ${rands(COUNTED)}`);
  await expect(dialog).not.toContainText(rands(EXPECTED));
  await expect(dialog).not.toContainText('Short');
  await page.screenshot({ path: `${SCREENSHOTS}shift-blind-count.png` });

  // The Z report: R 10 short.
  await dialog.getByTestId('count-confirm').click();
  const zReport = dialog.getByTestId('z-report');
  await expect(zReport).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Shift closed (Z report)');
  await expect(zReport.getByTestId('report-expected').locator('span')).toHaveText(['Cash expected', rands(EXPECTED)]);
  await expect(zReport.getByTestId('report-counted').locator('span')).toHaveText(['Cash counted', rands(COUNTED)]);
  await expect(zReport.getByTestId('report-variance').locator('span')).toHaveText(['Short', 'R 10,00']);
  const zRows = await reportRows(zReport);
  expect(zRows).toEqual([...xRows, ['Cash counted', rands(COUNTED)], ['Short', 'R 10,00']]);
  await page.screenshot({ path: `${SCREENSHOTS}shift-z-report.png` });
  await dialog.getByTestId('shift-done').click();
  await expect(dialog).toHaveCount(0);
  await expect(bar).toContainText('No shift open');
  await expect(page.getByTestId('shift-button')).toHaveText('Open shift');

  // Nothing has left the phone: the opening, four sales, two movements and the close wait.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '8');
  expect(
    await queryServerDb('select s.id from shifts s join tenants t on t.id = s.tenant_id where t.business_name = $1', [
      shop,
    ]),
  ).toHaveLength(0);

  // Online again: everything reaches the server.
  await context.setOffline(false);
  await expectAllSynced(page);
  const { deviceId } = await storedDevice(page);

  const shifts = await queryServerDb<{
    device_id: string;
    local_id: string;
    float: number;
    closed_at: Date | null;
    counted_total: number | null;
    counted: Record<string, number> | null;
    recorded: unknown;
  }>(
    `select s.device_id, s.local_id, s.float, s.closed_at, s.counted_total, s.counted, s.recorded
       from shifts s join tenants t on t.id = s.tenant_id
      where t.business_name = $1`,
    [shop],
  );
  expect(shifts).toHaveLength(1);
  const [shift] = shifts;
  if (!shift) throw new Error('the shift did not reach the server');
  expect(shift).toMatchObject({
    device_id: deviceId,
    float: FLOAT,
    counted_total: COUNTED,
    recorded: { sales: 4, refunds: 0, movements: 2 },
  });
  expect(shift.local_id).toMatch(/^shift_/);
  expect(shift.closed_at).not.toBeNull();
  // SH3: the count is stored as counted, per denomination.
  const counted = Object.fromEntries(
    Object.entries(shift.counted ?? {})
      .filter(([, pieces]) => pieces > 0)
      .map(([denomination, pieces]) => [Number(denomination), pieces]),
  );
  expect(counted).toEqual(COUNT);

  const movements = await queryServerDb<{ kind: string; amount: number; reason: string; shift_id: string }>(
    `select m.kind, m.amount, m.reason, m.shift_id
       from cash_movements m join tenants t on t.id = m.tenant_id
      where t.business_name = $1
      order by m.amount`,
    [shop],
  );
  expect(movements).toEqual([
    { kind: 'out', amount: CASH_OUT, reason: 'Paid the bread delivery', shift_id: shift.local_id },
    { kind: 'in', amount: CASH_IN, reason: 'Change from the bank', shift_id: shift.local_id },
  ]);

  const sales = await queryServerDb<{ total_amount: number; payment_method: string; shift_id: string | null }>(
    `select s.total_amount, s.payment_method, s.shift_id
       from sales s join tenants t on t.id = s.tenant_id
      where t.business_name = $1
      order by s.total_amount`,
    [shop],
  );
  expect(sales).toEqual([
    { total_amount: 1_890, payment_method: 'cash', shift_id: shift.local_id },
    { total_amount: 2_150, payment_method: 'cash', shift_id: shift.local_id },
    { total_amount: 5_930, payment_method: 'cash', shift_id: shift.local_id },
    { total_amount: CARD_SALES, payment_method: 'card', shift_id: shift.local_id },
  ]);

  // SH4, SH6: the server's report of the shift, from what it stored, is complete and agrees with the phone.
  const url = `${E2E_BASE_URL}/api/v1/shifts/${deviceId}/${shift.local_id}/report`;
  let answer: ShiftReportAnswer | undefined;
  // The phone's access token may have been refreshed meanwhile: read it afresh on each try.
  await expect
    .poll(
      async () => {
        const { token } = await storedDevice(page);
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (response.ok) answer = (await response.json()) as ShiftReportAnswer;
        return response.status;
      },
      { timeout: 20_000 },
    )
    .toBe(200);
  if (!answer) throw new Error('no report from the server');
  expect(answer.complete).toBe(true);
  // SH7: payments on account are counted too (none in this shift).
  expect(answer.recorded).toEqual({ sales: 4, refunds: 0, movements: 2, payments: 0 });
  expect(answer.received).toEqual({ sales: 4, refunds: 0, movements: 2, payments: 0 });
  expect(answer.shift).toMatchObject({
    deviceId,
    localId: shift.local_id,
    float: FLOAT,
    countedTotal: COUNTED,
  });
  const { report } = answer;
  expect(report.expectedCash).toBe(EXPECTED);
  expect(report.counted).toBe(COUNTED);
  expect(report.variance).toBe(-1_000);
  expect(report.sales.byTender.cash).toBe(CASH_SALES);
  expect(report.sales.byTender.card).toBe(CARD_SALES);
  expect(report.sales.count).toBe(4);
  expect(report.cashIn).toBe(CASH_IN);
  expect(report.cashOut).toBe(CASH_OUT);
  // And every figure the phone showed, to the cent, VAT included.
  expect(rands(report.sales.gross)).toBe(rands(CASH_SALES + CARD_SALES));
  expect(rands(report.sales.vat)).toBe(vatShown);
  expect(rands(report.expectedCash)).toBe(rands(EXPECTED));
});
