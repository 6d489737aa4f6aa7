import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { en } from '../i18n/en';
import { enProducts } from '../i18n/enProducts';
import { ProductFields } from './ProductFields';
import { ProductList } from './ProductList';
import { EMPTY_PRODUCT_FORM, type ProductField, type ProductFormValues } from './productForm';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: { ...en, ...enProducts } } },
    interpolation: { escapeValue: false },
  });
});

function renderFields(values: ProductFormValues, invalid: ProductField[] = []): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ProductFields values={values} invalid={new Set(invalid)} onChange={() => undefined} testIdPrefix="p" />
    </I18nextProvider>,
  );
}

function product(overrides: Partial<LocalProduct>): LocalProduct {
  return {
    id: crypto.randomUUID(),
    name: 'Panado 500mg 24s',
    price: cents(3999),
    barcode: '6001000000001',
    category: 'Pharmacy',
    isActive: true,
    trackStock: false,
    oversellPolicy: null,
    syncVersion: 1,
    lastModified: '2026-11-23T10:00:00Z',
    ...overrides,
  };
}

describe('ProductFields (SPEC CA)', () => {
  it('has the pharmacy fields: brand, extra barcodes, cost, reorder level, schedule, prescription, active', () => {
    const html = renderFields({ ...EMPTY_PRODUCT_FORM, schedule: 'S3', requiresPrescription: true });
    for (const id of [
      'p-brand-name',
      'p-alternate-barcodes',
      'p-cost',
      'p-reorder-level',
      'p-schedule',
      'p-requires-prescription',
      'p-active',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('Cost price (R, optional)');
    expect(html).toContain('<option value="">None (not scheduled)</option>');
    expect(html).toContain('<option value="S8">S8</option>');
    expect(html).toMatch(/<select[^>]*data-testid="p-schedule"/);
    expect(html).toContain(enProducts.products.alternateBarcodesHint);
  });

  it('says what is wrong with each field', () => {
    const values = { ...EMPTY_PRODUCT_FORM, barcode: '6001000000001', alternateBarcodes: '6001000000001' };
    const html = renderFields(values, ['alternateBarcodes', 'cost', 'reorderLevel', 'brandName']);
    const { errors } = enProducts.products;
    expect(html).toContain(errors.alternateBarcodes.sameAsBarcode);
    expect(html).not.toContain(enProducts.products.alternateBarcodesHint);
    expect(html).toContain(errors.cost);
    expect(html).toContain(errors.reorderLevel);
    expect(html).toContain(errors.brandName);
    const tooMany = renderFields({ ...values, alternateBarcodes: 'a b c d e f g h i j k' }, ['alternateBarcodes']);
    expect(tooMany).toContain(errors.alternateBarcodes.tooMany);
  });
});

describe('ProductList (SPEC CA3, CA6)', () => {
  it('lists an inactive product greyed and marked "Inactive", and never shows a cost', () => {
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ProductList
          products={[
            product({ name: 'Old Syrup', isActive: false, cost: cents(123_456) }),
            product({ schedule: 'S2', requiresPrescription: true, cost: cents(2450) }),
          ]}
          stock={new Map()}
        />
      </I18nextProvider>,
    );
    expect(html.split('data-testid="product-row"')).toHaveLength(3);
    expect(html).toMatch(/data-inactive="true" class="[^"]*opacity-60[^"]*"><button[^>]*>.*Old Syrup/);
    expect(html).toContain('>Inactive<');
    expect(html).toContain('>S2<');
    expect(html).toContain('>Prescription<');
    expect(html).not.toMatch(/1\s?234,56|24,50/);
  });
});
