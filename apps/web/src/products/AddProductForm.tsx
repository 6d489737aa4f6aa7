import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveProduct } from '../db';
import { parseQuantity } from '../stock/quantity';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { ProductFields } from './ProductFields';
import { EMPTY_PRODUCT_FORM, readProductForm, type ProductField, type ProductFormValues } from './productForm';
import { productSaveError } from './saveMessage';

/** The opening stock typed: `none` when blank, `invalid` when it is not a whole number of units. */
function readOpeningStock(text: string): number | 'none' | 'invalid' {
  if (text.trim() === '') return 'none';
  return parseQuantity(text, 1) ?? 'invalid';
}

export function AddProductForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProductFormValues>(EMPTY_PRODUCT_FORM);
  const [openingStock, setOpeningStock] = useState('');
  const [invalid, setInvalid] = useState<Set<ProductField>>(() => new Set());
  const [openingInvalid, setOpeningInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readProductForm(values, crypto.randomUUID());
    const opening = values.trackStock ? readOpeningStock(openingStock) : 'none';
    setInvalid(result.ok ? new Set() : result.invalid);
    setOpeningInvalid(opening === 'invalid');
    if (!result.ok || opening === 'invalid') {
      setMessage(null);
      return;
    }
    setSaving(true);
    try {
      // The product, its UPSERT_PRODUCT and any opening stock are written together.
      const product = await saveProduct(result.input, opening === 'none' ? {} : { openingStock: opening });
      setValues(EMPTY_PRODUCT_FORM);
      setOpeningStock('');
      setMessage({ tone: 'ok', text: t('products.saved', { name: product.name }) });
      requestSync();
    } catch (error) {
      // The typed values stay in the form for another try.
      setMessage({ tone: 'error', text: productSaveError(error, t) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="text-lg font-bold text-slate-900">{t('products.addTitle')}</h2>
      <ProductFields
        values={values}
        invalid={invalid}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
        testIdPrefix="add-product"
      />
      {values.trackStock ? (
        <Field
          label={t('stock.openingStock')}
          value={openingStock}
          onChange={(event) => setOpeningStock(event.target.value)}
          error={openingInvalid ? t('stock.errors.quantity') : undefined}
          inputMode="numeric"
          autoComplete="off"
          data-testid="add-product-opening-stock"
        />
      ) : null}
      {message ? (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`text-sm ${message.tone === 'error' ? 'text-red-700' : 'text-brand-800'}`}
        >
          {message.text}
        </p>
      ) : null}
      <Button type="submit" large disabled={saving} data-testid="add-product-submit" className="w-full">
        {saving ? t('products.saving') : t('products.save')}
      </Button>
    </form>
  );
}
