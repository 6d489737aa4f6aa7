import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { TAX_CLASSES } from '@opentill/domain';
import { OVERSELL_CHOICES, type ProductField, type ProductFormValues } from './productForm';

const ERROR_KEYS = {
  name: 'products.errors.name',
  price: 'products.errors.price',
  barcode: 'products.errors.barcode',
  category: 'products.errors.category',
  sku: 'products.errors.sku',
  genericName: 'products.errors.genericName',
} as const;

interface ProductFieldsProps {
  values: ProductFormValues;
  invalid: ReadonlySet<ProductField>;
  onChange: (patch: Partial<ProductFormValues>) => void;
  /**
   * Test ids are `${testIdPrefix}-name`, `-price`, `-barcode`, `-category`, `-sku`, `-generic-name`, `-tax-class`, `-favourite`,
   * `-track-stock` and `-policy-shop` / `-policy-flag` / `-policy-reject`.
   */
  testIdPrefix: string;
}

/** The product fields, shared by the add and edit forms. */
export function ProductFields({ values, invalid, onChange, testIdPrefix }: ProductFieldsProps) {
  const { t } = useTranslation();
  const errorFor = (field: ProductField) => (invalid.has(field) ? t(ERROR_KEYS[field]) : undefined);
  const update = (field: ProductField) => (event: { target: { value: string } }) =>
    onChange({ [field]: event.target.value });

  return (
    <>
      <Field
        label={t('products.name')}
        value={values.name}
        onChange={update('name')}
        error={errorFor('name')}
        maxLength={120}
        autoComplete="off"
        data-testid={`${testIdPrefix}-name`}
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
          data-testid={`${testIdPrefix}-price`}
        />
        <Field
          label={t('products.barcode')}
          value={values.barcode}
          onChange={update('barcode')}
          error={errorFor('barcode')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={64}
          data-testid={`${testIdPrefix}-barcode`}
        />
      </div>
      <Field
        label={t('products.category')}
        value={values.category}
        onChange={update('category')}
        error={errorFor('category')}
        maxLength={60}
        autoComplete="off"
        data-testid={`${testIdPrefix}-category`}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('products.sku')}
          value={values.sku}
          onChange={update('sku')}
          error={errorFor('sku')}
          maxLength={64}
          autoComplete="off"
          data-testid={`${testIdPrefix}-sku`}
        />
        <div>
          <label htmlFor={`${testIdPrefix}-tax-class`} className="mb-1 block text-sm font-medium text-slate-700">
            {t('products.taxClass')}
          </label>
          <select
            id={`${testIdPrefix}-tax-class`}
            value={values.taxClass}
            onChange={(event) => {
              const taxClass = TAX_CLASSES.find((known) => known === event.target.value);
              if (taxClass) onChange({ taxClass });
            }}
            data-testid={`${testIdPrefix}-tax-class`}
            className="block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg text-slate-900"
          >
            {TAX_CLASSES.map((taxClass) => (
              <option key={taxClass} value={taxClass}>
                {t(`products.taxClasses.${taxClass}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        label={t('products.genericName')}
        value={values.genericName}
        onChange={update('genericName')}
        error={errorFor('genericName')}
        maxLength={120}
        autoComplete="off"
        data-testid={`${testIdPrefix}-generic-name`}
      />
      <label className="flex min-h-12 items-center gap-3 text-base text-slate-800">
        <input
          type="checkbox"
          checked={values.favourite}
          onChange={(event) => onChange({ favourite: event.target.checked })}
          data-testid={`${testIdPrefix}-favourite`}
          className="size-5 accent-brand-700"
        />
        {t('products.favourite')}
      </label>
      <label className="flex min-h-12 items-center gap-3 text-base text-slate-800">
        <input
          type="checkbox"
          checked={values.trackStock}
          onChange={(event) => onChange({ trackStock: event.target.checked })}
          data-testid={`${testIdPrefix}-track-stock`}
          className="size-5 accent-brand-700"
        />
        {t('stock.trackStock')}
      </label>
      {values.trackStock ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('stock.runsOut')}</legend>
          {OVERSELL_CHOICES.map((choice) => (
            <label key={choice} className="flex min-h-11 items-center gap-3 text-base text-slate-800">
              <input
                type="radio"
                name={`${testIdPrefix}-policy`}
                value={choice}
                checked={values.oversellPolicy === choice}
                onChange={() => onChange({ oversellPolicy: choice })}
                data-testid={`${testIdPrefix}-policy-${choice}`}
                className="size-5 accent-brand-700"
              />
              {t(`stock.policies.${choice}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
