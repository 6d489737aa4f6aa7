/** Steps the end-to-end tests share: registering a shop and adding a product through the PWA. */
import { expect, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './server.js';

export const SCREENSHOTS = new URL('../artifacts/screenshots/', import.meta.url).pathname;

let shops = 0;

/** A phone number unique to this run, so each test's shop is its own. */
export function uniquePhone(): string {
  shops += 1;
  const digits = String((Date.now() * 10 + shops) % 10_000_000).padStart(7, '0');
  return `083${digits}`;
}

/** Waits until the service worker controls the page, so the app shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller);
  });
}

/**
 * Registers a shop from the welcome screen; returns the owner's phone number (to sign in other devices).
 * `baseUrl`: a server a spec started for itself (support/server-process.ts).
 */
export async function registerShop(page: Page, businessName: string, baseUrl = E2E_BASE_URL): Promise<string> {
  const phone = uniquePhone();
  await page.goto(baseUrl);
  await page.getByTestId('welcome-register').click();
  await page.getByTestId('register-business-name').fill(businessName);
  await page.getByTestId('register-owner-name').fill('Nomsa Dlamini');
  await page.getByTestId('register-phone').fill(phone);
  await page.getByTestId('register-pin').fill('2580');
  await page.getByTestId('register-pin-confirm').fill('2580');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('product-search')).toBeVisible();
  return phone;
}

/**
 * Signs this browser in as another device of the shop, and waits until the app is installed
 * (its service worker active): a phone sells offline only once it holds the app's code.
 */
export async function signIn(page: Page, phone: string, baseUrl = E2E_BASE_URL): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('welcome-sign-in').click();
  await page.getByTestId('signin-phone').fill(phone);
  await page.getByTestId('signin-pin').fill('2580');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('product-search')).toBeVisible();
  await waitForServiceWorker(page);
}

/** Opens a product's edit form from the Products screen and sets its price. */
export async function editPrice(page: Page, name: string, price: string): Promise<void> {
  await page.getByTestId('nav-products').click();
  await page.getByTestId('product-row').filter({ hasText: name }).getByRole('button').first().click();
  await page.getByTestId('edit-product-price').fill(price);
  await page.getByTestId('edit-product-save').click();
}

/** Stock settings of a product added through the form: counted, with an opening quantity and a policy. */
export interface TrackedStock {
  opening: string;
  policy: 'shop' | 'flag' | 'reject';
}

export async function addProduct(
  page: Page,
  product: {
    name: string;
    price: string;
    barcode?: string;
    category?: string;
    stock?: TrackedStock;
    taxClass?: 'standard' | 'zero' | 'exempt';
    favourite?: boolean;
    /** CA5: the low-stock line, in units. */
    reorderLevel?: string;
  },
): Promise<void> {
  await page.getByTestId('nav-products').click();
  await page.getByTestId('add-product-name').fill(product.name);
  await page.getByTestId('add-product-price').fill(product.price);
  if (product.barcode) await page.getByTestId('add-product-barcode').fill(product.barcode);
  if (product.category) await page.getByTestId('add-product-category').fill(product.category);
  if (product.taxClass) await page.getByTestId('add-product-tax-class').selectOption(product.taxClass);
  if (product.favourite) await page.getByTestId('add-product-favourite').check();
  if (product.reorderLevel) await page.getByTestId('add-product-reorder-level').fill(product.reorderLevel);
  if (product.stock) {
    await page.getByTestId('add-product-track-stock').check();
    await page.getByTestId(`add-product-policy-${product.stock.policy}`).check();
    await page.getByTestId('add-product-opening-stock').fill(product.stock.opening);
  }
  await page.getByTestId('add-product-submit').click();
  await expect(page.getByTestId('products-list')).toContainText(product.name);
}

export async function expectAllSynced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-unsynced', '0', { timeout: 30_000 });
}
