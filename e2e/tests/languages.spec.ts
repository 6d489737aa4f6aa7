/**
 * Issue 6: the device's language. Chosen on the welcome screen it holds through registering and a
 * reload (kept on the phone); changed in the till's header it redraws the screen already open,
 * strings that loaded with that screen included; `<html lang>` follows.
 */
import { expect, test } from '@playwright/test';
import { registerShop, SCREENSHOTS } from '../support/shop.js';

test('the till in isiZulu and Afrikaans when chosen, kept on the phone, and back to English', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-picker').selectOption('zu');
  await expect(page.getByRole('heading', { name: 'Siyakwamukela ku-OpenTill' })).toBeVisible();
  await expect(page.getByTestId('welcome-register')).toHaveText('Bhalisa isitolo sakho');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zu');
  await page.screenshot({ path: `${SCREENSHOTS}languages-zu-welcome.png` });

  // Registering reloads the page: the choice is kept on this phone.
  await registerShop(page, `Isitolo sikaNomsa ${Date.now()}`);
  await expect(page.getByTestId('nav-sell')).toHaveText('Thengisa');
  await expect(page.getByTestId('product-search')).toHaveAttribute('placeholder', 'Igama, ibhakhodi noma ikhodi');
  await page.reload();
  await expect(page.getByTestId('nav-sell')).toHaveText('Thengisa');
  await expect(page.getByTestId('language-picker')).toHaveValue('zu');
  await page.screenshot({ path: `${SCREENSHOTS}languages-zu-sell.png` });

  // A screen whose strings load with it (the Sync screen), then a change of language while it is open.
  await page.getByTestId('nav-sync').click();
  await expect(page.getByText('Okulinde ukuthunyelwa')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}languages-zu-sync.png` });
  await page.getByTestId('language-picker').selectOption('af');
  await expect(page.getByText('Wag om gestuur te word')).toBeVisible();
  await expect(page.getByTestId('nav-sell')).toHaveText('Verkoop');
  await expect(page.locator('html')).toHaveAttribute('lang', 'af');

  await page.getByTestId('language-picker').selectOption('en');
  await expect(page.getByText('Waiting to be sent')).toBeVisible();
  await expect(page.getByTestId('nav-sell')).toHaveText('Sell');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByTestId('nav-sell')).toHaveText('Sell');
});
