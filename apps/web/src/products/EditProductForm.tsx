import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cents } from '@opentill/domain';
import { deleteProduct, saveProduct, type LocalProduct } from '../db';
import { centsToInput } from '../sales/quickCash';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { BackIcon } from '../ui/icons';
import { ProductFields } from './ProductFields';
import { readProductForm, type ProductField, type ProductFormValues } from './productForm';
import { productSaveError } from './saveMessage';

function formValues(product: LocalProduct): ProductFormValues {
  return {
    name: product.name,
    price: centsToInput(cents(product.price)),
    barcode: product.barcode ?? '',
    category: product.category ?? '',
    sku: product.sku ?? '',
    genericName: product.genericName ?? '',
    brandName: product.brandName ?? '',
    alternateBarcodes: (product.alternateBarcodes ?? []).join(', '),
    cost: product.cost === null || product.cost === undefined ? '' : centsToInput(product.cost),
    requiresPrescription: product.requiresPrescription ?? false,
    schedule: product.schedule ?? '',
    reorderLevel:
      product.reorderLevel === null || product.reorderLevel === undefined ? '' : String(product.reorderLevel),
    isActive: product.isActive,
    taxClass: product.taxClass ?? 'standard',
    favourite: product.favourite ?? false,
    trackStock: product.trackStock,
    oversellPolicy: product.oversellPolicy ?? 'shop',
  };
}

interface EditProductFormProps {
  product: LocalProduct;
  /** Back to the list, with a message for it (saved, deleted) or none. */
  onDone: (message: string | null) => void;
}

/**
 * Edits or deletes one product. Save writes the product and an UPSERT_PRODUCT on
 * the version this phone has (baseVersion); Delete, once confirmed, removes it and
 * queues DELETE_PRODUCT. Each is one transaction (src/db).
 */
export function EditProductForm({ product, onDone }: EditProductFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProductFormValues>(() => formValues(product));
  const [invalid, setInvalid] = useState<Set<ProductField>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readProductForm(values, product.id);
    if (!result.ok) {
      setInvalid(result.invalid);
      return;
    }
    setInvalid(new Set());
    setBusy(true);
    setError(null);
    try {
      const saved = await saveProduct(result.input);
      requestSync();
      onDone(t('products.saved', { name: saved.name }));
    } catch (caught) {
      setError(productSaveError(caught, t));
      setBusy(false);
    }
  }

  async function onDelete() {
    setBusy(true);
    setError(null);
    try {
      await deleteProduct(product.id);
      requestSync();
      onDone(t('products.deleted', { name: product.name }));
    } catch (caught) {
      setError(productSaveError(caught, t));
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="edit-product"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="-mt-2 -ml-2 flex items-center gap-1">
        <Button variant="ghost" onClick={() => onDone(null)} aria-label={t('products.back')} className="w-12 px-0">
          <BackIcon />
        </Button>
        <h2 className="text-lg font-bold text-slate-900">{t('products.editTitle')}</h2>
      </div>
      <ProductFields
        values={values}
        invalid={invalid}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
        testIdPrefix="edit-product"
      />
      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      ) : null}
      <Button type="submit" large disabled={busy} data-testid="edit-product-save" className="w-full">
        {busy ? t('products.saving') : t('products.save')}
      </Button>
      {confirmingDelete ? (
        <div role="alertdialog" className="rounded-xl bg-red-50 p-3 ring-1 ring-red-200">
          <p className="mb-2 text-sm text-red-900">{t('products.deleteConfirm', { name: product.name })}</p>
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" disabled={busy} onClick={() => setConfirmingDelete(false)}>
              {t('products.cancel')}
            </Button>
            <Button
              disabled={busy}
              onClick={() => void onDelete()}
              data-testid="edit-product-delete-confirm"
              className="bg-red-700 active:bg-red-800"
            >
              {t('products.deleteConfirmYes')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          variant="ghost"
          disabled={busy}
          onClick={() => setConfirmingDelete(true)}
          data-testid="edit-product-delete"
          className="w-full text-red-700"
        >
          {t('products.delete')}
        </Button>
      )}
    </form>
  );
}
