import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveProduct } from '../db';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { ProductFields } from './ProductFields';
import { EMPTY_PRODUCT_FORM, readProductForm, type ProductField, type ProductFormValues } from './productForm';
import { productSaveError } from './saveMessage';

export function AddProductForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProductFormValues>(EMPTY_PRODUCT_FORM);
  const [invalid, setInvalid] = useState<Set<ProductField>>(() => new Set());
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

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
        onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
        testIdPrefix="add-product"
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
