/**
 * Stock counts (SPEC SC1–SC3) in Chromium: an assistant who may count but not approve counts one
 * category blind, offline; a line is sent back and counted again; the owner approves with her PIN on
 * the same phone, and the differences are booked, reaching the server once online, audited. Then the assistant
 * counts one product on its page: that too needs the owner's PIN before it moves stock (SC4).
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test.setTimeout(120_000);

const OWNER = 'Nomsa Dlamini';
const OWNER_PIN = '2580';
const ASSISTANT = 'Lwazi Mokoena';
const ASSISTANT_PIN = '4321';

async function switchTo(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId('switch-cashier').click();
  await page.getByTestId('cashier-option').filter({ hasText: name }).click();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('switch-cashier-dialog')).toHaveCount(0);
}

const line = (page: Page, name: string) => page.getByTestId('count-line').filter({ hasText: name });

test('a cycle count counted blind by an assistant, approved by the owner’s PIN, books its differences', async ({
  page,
  context,
}) => {
  const stamp = Date.now();
  const panado = `Panado 24s ${stamp}`;
  const grandpa = `Grandpa 38s ${stamp}`;
  await registerShop(page, `Count Pharmacy ${stamp}`);
  await waitForServiceWorker(page);
  await addProduct(page, { name: panado, price: '45.00', category: 'Pain', stock: { opening: '10', policy: 'flag' } });
  await addProduct(page, { name: grandpa, price: '30.00', category: 'Pain', stock: { opening: '4', policy: 'flag' } });
  await expectAllSynced(page);

  // The owner adds an assistant, who may count stock but not approve a count.
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-name').fill(ASSISTANT);
  await page.getByTestId('staff-role').selectOption('PHARMACIST_ASSISTANT');
  await page.getByTestId('staff-pin').fill(ASSISTANT_PIN);
  await page.getByTestId('staff-submit').click();
  await expect(page.getByTestId('staff-message')).toContainText(`${ASSISTANT} added`);
  // The phone fetches the roster with her PIN verifier before the network goes.
  await page.getByTestId('switch-cashier').click();
  await expect(page.getByTestId('cashier-option').filter({ hasText: ASSISTANT })).toBeVisible();
  await page.keyboard.press('Escape');

  // Offline from here: the assistant counts the "Pain" shelf.
  await context.setOffline(true);
  await switchTo(page, ASSISTANT, ASSISTANT_PIN);
  await page.getByTestId('nav-products').click();
  const panel = page.getByTestId('counts-panel');
  await panel.getByTestId('count-category').selectOption('Pain');
  await panel.getByTestId('count-start-cycle').click();
  await expect(panel.getByTestId('count-progress')).toHaveText('Cycle count: 0 of 2 counted');
  // Blind: a line is the product's name and an empty field, no figure.
  await expect(line(page, panado)).toHaveText(panado);
  await expect(line(page, panado).getByTestId('count-line-input')).toHaveValue('');
  await line(page, panado).getByTestId('count-line-input').fill('7');
  await line(page, panado).getByTestId('count-line-input').press('Enter');
  await expect(panel.getByTestId('count-finish')).toHaveText('1 product still to count');
  await line(page, grandpa).getByTestId('count-line-input').fill('5');
  await line(page, grandpa).getByTestId('count-line-input').press('Enter');
  await expect(panel.getByTestId('count-progress')).toHaveText('Cycle count: 2 of 2 counted');
  await panel.screenshot({ path: `${SCREENSHOTS}stock-count.png` });

  // The assistant may not approve: the owner gives her PIN; the review shows the differences.
  await panel.getByTestId('count-finish').click();
  const approvers = panel.getByTestId('manager-approval').getByTestId('cashier-option');
  await expect(approvers).toHaveText([new RegExp(OWNER)]);
  await approvers.click();
  await page.keyboard.type(OWNER_PIN);
  await page.keyboard.press('Enter');
  const review = panel.getByTestId('count-review-line');
  await expect(review).toHaveCount(2);
  await expect(review.nth(0)).toContainText(panado);
  await expect(review.nth(0).getByTestId('count-review-difference')).toHaveText('-3');
  await expect(review.nth(1).getByTestId('count-review-difference')).toHaveText('+1');
  await panel.screenshot({ path: `${SCREENSHOTS}stock-count-review.png` });

  // Grandpa's line is sent back and counted again; then the owner approves again and it is booked.
  await review.nth(1).getByTestId('count-review-again').check();
  await panel.getByTestId('count-send-back').click();
  await expect(page.getByTestId('counts-notice')).toHaveText('1 line to count again.');
  await line(page, grandpa).getByTestId('count-line-input').fill('4');
  await line(page, grandpa).getByTestId('count-line-input').press('Enter');
  await expect(panel.getByTestId('count-progress')).toHaveText('Cycle count: 2 of 2 counted');
  await panel.getByTestId('count-finish').click();
  await approvers.click();
  await page.keyboard.type(OWNER_PIN);
  await page.keyboard.press('Enter');
  await panel.getByTestId('count-approve').click();
  await expect(page.getByTestId('counts-notice')).toHaveText('Count approved: 1 difference booked.');
  await expect(page.getByTestId('product-row').filter({ hasText: panado }).getByTestId('stock-figure')).toHaveAttribute(
    'data-on-hand',
    '7',
  );

  // Online: the server books it as a count, approved by the owner, done by the assistant.
  await context.setOffline(false);
  await expectAllSynced(page);
  await expect
    .poll(() =>
      queryServerDb<{ reason: string; delta: number; approver: string; counter: string }>(
        `select l.reason, l.delta, ua.name as approver, uc.name as counter from stock_ledger l
           join products p on p.id = l.product_id
           join audit_log a on a.action = 'stock.count_approved' and a.details->>'productId' = p.id::text
           join users ua on ua.id = (a.details->>'userId')::uuid join users uc on uc.id = a.actor_user_id
         where p.name = $1 and l.kind = 'adjustment'`,
        [panado],
      ),
    )
    .toEqual([{ reason: 'count', delta: -3, approver: OWNER, counter: ASSISTANT }]);

  // SC4: the assistant counts one product on its page; the difference waits for the owner's PIN, then is booked.
  await page.getByTestId('product-row').filter({ hasText: grandpa }).getByRole('button').first().click();
  const stock = page.getByTestId('stock-panel');
  await stock.getByTestId('stock-count').click();
  await stock.getByTestId('stock-count-quantity').fill('2');
  await stock.getByTestId('stock-count-save').click();
  const approval = stock.getByTestId('manager-approval');
  await expect(approval).toContainText(`Approve the count of ${grandpa}: 2 on the shelf, the phone shows 4.`);
  await approval.getByTestId('cashier-option').filter({ hasText: OWNER }).click();
  await page.keyboard.type(OWNER_PIN);
  await page.keyboard.press('Enter');
  await expect(stock.getByRole('status')).toHaveText('Count saved: 2 in stock.');
  await expectAllSynced(page);
  await expect
    .poll(() =>
      queryServerDb<{ delta: number; approver: string }>(
        `select (a.details->>'delta')::int as delta, ua.name as approver from audit_log a
           join products p on a.details->>'productId' = p.id::text
           join users ua on ua.id = (a.details->>'userId')::uuid
         where a.action = 'stock.count_approved' and p.name = $1`,
        [grandpa],
      ),
    )
    .toEqual([{ delta: -2, approver: OWNER }]);
});
