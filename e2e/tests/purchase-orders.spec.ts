/**
 * Issue 7, purchase orders in Chromium (SPEC PO1–PO6): the owner adds a supplier, orders two products,
 * changes the draft, sends the order (the WhatsApp link to the supplier's number and the PDF), receives
 * part of it with the network off, syncs, receives the rest; the order shows received, and the server's
 * database agrees.
 */
import { expect, test, type Page } from '@playwright/test';
import { queryServerDb } from '../support/server.js';
import { SCREENSHOTS, addProduct, expectAllSynced, registerShop, waitForServiceWorker } from '../support/shop.js';

test.setTimeout(150_000);

/** Receives `quantity` (prefilled: what is still to come, unless given) of a line of the open order. */
async function receiveLine(page: Page, product: string, quantity?: string, lot?: string): Promise<void> {
  await page.getByTestId('order-line').filter({ hasText: product }).getByTestId('order-line-receive').click();
  if (quantity) await page.getByTestId('stock-receive-quantity').fill(quantity);
  if (lot) await page.getByTestId('stock-receive-lot').fill(lot);
  await page.getByTestId('stock-receive-save').click();
  await expect(page.getByTestId('order-receive')).toHaveCount(0);
}

function serverOrder(shop: string) {
  return queryServerDb<{ number: number; status: string; product: string; ordered: number; received: number }>(
    `select o.number, o.status, p.name as product, l.quantity_ordered as ordered, l.quantity_received as received
       from purchase_orders o join tenants t on t.id = o.tenant_id
       join purchase_order_lines l on l.purchase_order_id = o.id join products p on p.id = l.product_id
      where t.business_name = $1 order by l.position`,
    [shop],
  );
}

function serverStock(shop: string) {
  return queryServerDb<{ product: string; on_hand: number }>(
    `select p.name as product, s.on_hand from stock_levels s join products p on p.id = s.product_id
       join tenants t on t.id = p.tenant_id where t.business_name = $1 order by p.name`,
    [shop],
  );
}

test('a purchase order is created, sent, received in part offline and then in full', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const shop = `Spaza ${Date.now()}`;
  const [milk, bread] = [`A Milk 1L ${Date.now()}`, `B Bread ${Date.now()}`];

  await registerShop(page, shop);
  await waitForServiceWorker(page);
  await addProduct(page, { name: milk, price: '21.99', stock: { opening: '', policy: 'flag' } });
  await addProduct(page, { name: bread, price: '18.99', stock: { opening: '', policy: 'flag' } });
  await expectAllSynced(page);

  // A supplier with a WhatsApp number.
  await page.getByTestId('suppliers-open').click();
  await page.getByTestId('suppliers-tab-suppliers').click();
  await page.getByTestId('supplier-add').click();
  await page.getByTestId('supplier-name').fill('Clover SA');
  await page.getByTestId('supplier-phone').fill('082 123 4567');
  await page.getByTestId('supplier-save').click();
  await expect(page.getByTestId('suppliers-notice')).toHaveText('Saved the supplier Clover SA.');
  await expect(page.getByTestId('supplier-row')).toContainText('Clover SA');

  // An order for 12 milk and 8 bread; the draft is then changed to 10 bread.
  const addLine = async (name: string, units: string) => {
    await page.getByTestId('order-product-search').fill(name.slice(0, 9));
    await page.getByTestId('order-product-match').filter({ hasText: name }).click();
    await page.getByTestId('order-quantity').fill(units);
    await page.getByTestId('order-add-line').click();
  };
  await page.getByTestId('suppliers-tab-orders').click();
  await page.getByTestId('order-new').click();
  await addLine(milk, '12');
  await addLine(bread, '8');
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-number')).toHaveText('PO-0001 · Clover SA');
  await expect(page.getByTestId('order-status')).toHaveText('Draft');
  await page.getByTestId('order-edit').click();
  await addLine(bread, '2');
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-line').filter({ hasText: bread })).toHaveAttribute('data-to-come', '10');

  // Sending: the WhatsApp link goes to 27 82 123 4567 with the order typed in; the PDF downloads.
  const href = (await page.getByTestId('order-whatsapp').getAttribute('href')) ?? '';
  const link = new URL(href);
  expect(link.origin + link.pathname).toBe('https://wa.me/27821234567');
  const text = link.searchParams.get('text') ?? '';
  expect(text).toContain('PO-0001');
  expect(text).toContain(shop);
  expect(text).toContain(`12 × ${milk}`);
  expect(text).toContain(`10 × ${bread}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('order-pdf').click();
  expect((await download).suggestedFilename()).toBe('purchase-order-PO-0001.pdf');
  await expect(page.getByTestId('order-status')).toHaveText('Sent');
  await expect.poll(async () => (await serverOrder(shop))[0]?.status).toBe('sent');

  // Half the milk and all the bread come on the first truck; the network is down.
  await context.setOffline(true);
  await receiveLine(page, milk, '6', 'LOT-A');
  await receiveLine(page, bread);
  await expect(page.getByTestId('order-line').filter({ hasText: milk })).toHaveAttribute('data-to-come', '6');
  await expect(page.getByTestId('order-line').filter({ hasText: bread })).toHaveAttribute('data-to-come', '0');
  await expect(page.getByTestId('order-line-pending')).toHaveCount(2);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '2');
  await page.screenshot({ path: `${SCREENSHOTS}purchase-order-offline.png`, fullPage: true });

  // Back online: the receipts go, the order is part received on the server.
  await context.setOffline(false);
  await expectAllSynced(page);
  await expect
    .poll(() => serverOrder(shop))
    .toEqual([
      { number: 1, status: 'part_received', product: milk, ordered: 12, received: 6 },
      { number: 1, status: 'part_received', product: bread, ordered: 10, received: 10 },
    ]);
  // The open order reads the server's counts again once its deliveries have gone.
  await expect(page.getByTestId('order-status')).toHaveText('Part received');
  await expect(page.getByTestId('order-line-pending')).toHaveCount(0);
  await expect(page.getByTestId('order-line').filter({ hasText: milk })).toHaveAttribute('data-received', '6');

  // The rest of the milk, and one more than ordered.
  await receiveLine(page, milk, '7');
  await expectAllSynced(page);
  await expect
    .poll(async () => (await serverOrder(shop)).map((line) => [line.status, line.received]))
    .toEqual([
      ['received', 13],
      ['received', 10],
    ]);
  await page.getByTestId('order-back').click();
  await expect(page.getByTestId('order-row').first()).toHaveAttribute('data-status', 'received');
  await page.getByTestId('order-row').first().click();
  await expect(page.getByTestId('order-status')).toHaveText('Received');
  await expect(page.getByTestId('order-line-over')).toHaveText('1 more than ordered');
  await expect(page.getByTestId('order-line-receive')).toHaveCount(0);
  expect(await serverStock(shop)).toEqual([
    { product: milk, on_hand: 13 },
    { product: bread, on_hand: 10 },
  ]);
  await context.close();
});
