import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveProduct } from '../db';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { EMPTY_PRODUCT_FORM, readProductForm, type ProductField, type ProductFormValues } from './productForm';

const ERROR_KEYS = {
  name: 'products.errors.name',
  price: 'products.errors.price',
  barcode: 'products.errors.barcode',
  category: 'products.errors.category',
} as const;

export function AddProductForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProductFormValues>(EMPTY_PRODUCT_FORM);
  const [invalid, setInvalid] = useState<Set<ProductField>>(() => new Set());
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const errorFor = (field: ProductField) => (invalid.has(field) ? t(ERROR_KEYS[field]) : undefined);
  const update = (field: ProductField) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readProductForm(values, crypto.randomUUID());
    if (!result.ok) {
      setInvalid(result.invalid);
      setMessage(null);
      return;
    }
    setInvalid(new Set());
    setSaving(true);
    try {
      // The product and its UPSERT_PRODUCT operation are written together.
      const product = await saveProduct(result.input);
      setValues(EMPTY_PRODUCT_FORM);
      setMessage({ tone: 'ok', text: t('products.saved', { name: product.name }) });
      requestSync();
    } catch (error) {
      setMessage({
        tone: 'error',
        text: t('products.errors.saveFailed', { message: error instanceof Error ? error.message : String(error) }),
      });
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
      <Field
        label={t('products.name')}
        value={values.name}
        onChange={update('name')}
        error={errorFor('name')}
        maxLength={120}
        autoComplete="off"
        data-testid="add-product-name"
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('products.price')}
          value={values.price}
          onChange={update('price')}
          error={errorFor('price')}
          inputMode="decimal"
          autoComplete="off"
          placeholder={t('products.pricePlaceholder')}
          data-testid="add-product-price"
        />
        <Field
          label={t('products.barcode')}
          value={values.barcode}
          onChange={update('barcode')}
          error={errorFor('barcode')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={64}
          data-testid="add-product-barcode"
        />
      </div>
      <Field
        label={t('products.category')}
        value={values.category}
        onChange={update('category')}
        error={errorFor('category')}
        maxLength={60}
        autoComplete="off"
        data-testid="add-product-category"
      />
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
