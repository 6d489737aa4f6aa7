import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import type { LocalSale } from '../db';
import { SaleDoneScreen } from '../sales/SaleDoneScreen';
import { enStaffArea } from './enStaffArea';
import { initI18n, loadLaterStrings, loadStaffAreaStrings } from './index';

const sale: LocalSale = {
  localId: 'sale_AAAAAAAAAAAAAAAA',
  items: [{ productId: '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11', name: 'Bread', price: cents(1899), quantity: 1 }],
  totalAmount: cents(1899),
  paymentMethod: 'cash',
  tendered: cents(2000),
  change: cents(101),
  createdAt: '2026-11-30T10:00:00.000Z',
  chain: { seq: 42, previousHash: '0'.repeat(64), hash: 'a'.repeat(64) },
  syncState: 'pending',
};

const slip = () =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18next}>
      <SaleDoneScreen sale={sale} shopName="Spaza" deviceId="3f9a1c2b-0000-4000-8000-0000000000d1" receiptPrefix="T1" />
    </I18nextProvider>,
  );

/** Every leaf key of a strings object, dotted. */
function leafKeys(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

// Every English bundle (en.ts, enLater.ts, ...), copied as written: adding a bundle to i18next
// deep-merges it into the first screen's object.
const bundles = structuredClone(
  Object.values(import.meta.glob<Record<string, object>>(['./en.ts', './en[A-Z]*.ts'], { eager: true })).flatMap(
    (module) => Object.values(module),
  ),
);

// The app's own i18next, as main.tsx starts it: English's first-screen strings only.
beforeAll(async () => {
  await initI18n('en');
});

describe('strings that load with their screens', () => {
  it('the slip has no words until its strings load, then all of them (SellScreen awaits them)', async () => {
    expect(slip()).toContain('sales.done.paid'); // not on the first screen: the 180 KB budget
    await loadLaterStrings();
    const html = slip();
    expect(html).toContain('>Paid<');
    expect(html).toContain('>New sale<');
    expect(html).toContain('>Receipt T1-42<'); // RC1: the number a refund finds it by
    expect(html).toContain('>Cash<');
    expect(html).not.toMatch(/sales\.(done|methods)\./);
  });

  it('merges into the first screen’s groups without replacing their keys', async () => {
    await loadLaterStrings();
    expect(i18next.t('sales.line.edit', { name: 'Bread' })).toBe('Change Bread'); // en.ts
    expect(i18next.t('sales.line.remove')).toBe('Remove from sale'); // enLater.ts
    expect(i18next.t('sales.payment.confirm')).toBe('Confirm payment');
    expect(i18next.t('sales.pay', { amount: 'R 1,00' })).toBe('Pay R 1,00');
    expect(i18next.t('scanning.open')).toBe('Scan with camera');
    expect(i18next.t('scanning.close')).toBe('Close camera');
  });

  it('loads the Sync screen’s and the alerts’ strings with the staff area', async () => {
    expect(i18next.exists('sync.screen.title')).toBe(false);
    await loadStaffAreaStrings();
    expect(i18next.t('sync.screen.title')).toBe('Sync');
    expect(i18next.t('sync.signOut.button')).toBe('Sign out');
    expect(i18next.t('alerts.title')).toBe('Alerts');
    expect(i18next.t('staff.title')).toBe(enStaffArea.staff.title);
    expect(i18next.t('sync.offline')).toBe('Offline'); // en.ts keeps the badge's
    expect(i18next.t('alerts.review')).toBe('Review');
  });

  it('defines every key in one bundle only, so no bundle silently overrides another', () => {
    const keys = bundles.flatMap((bundle) => leafKeys(bundle));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
