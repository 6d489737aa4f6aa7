import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { MEDICINE_SCHEDULES, TAX_CLASSES } from '@opentill/domain';
import { OVERSELL_CHOICES, alternateBarcodesProblem, type ProductField, type ProductFormValues } from './productForm';

const ERROR_KEYS = {
  name: 'products.errors.name',
  price: 'products.errors.price',
  barcode: 'products.errors.barcode',
  category: 'products.errors.category',
  sku: 'products.errors.sku',
  genericName: 'products.errors.genericName',
  brandName: 'products.errors.brandName',
  cost: 'products.errors.cost',
  reorderLevel: 'products.errors.reorderLevel',
} as const;

const SELECT_CLASS = 'block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg text-slate-900';

interface ProductFieldsProps {
  values: ProductFormValues;
  invalid: ReadonlySet<ProductField>;
  onChange: (patch: Partial<ProductFormValues>) => void;
  /**
   * Test ids are `${testIdPrefix}-name`, `-price`, `-barcode`, `-alternate-barcodes`, `-category`, `-sku`,
   * `-generic-name`, `-brand-name`, `-tax-class`, `-cost`, `-reorder-level`, `-schedule`, `-requires-prescription`,
   * `-favourite`, `-active`, `-track-stock` and `-policy-shop` / `-policy-flag` / `-policy-reject`.
   * The form is shown only to people who may edit products (productAccess), so the cost shows only to them.
   */
  testIdPrefix: string;
}

/** The product fields, shared by the add and edit forms. */
export function ProductFields({ values, invalid, onChange, testIdPrefix }: ProductFieldsProps) {
  const { t } = useTranslation();
  const alternatesId = useId();
  const errorFor = (field: Exclude<ProductField, 'alternateBarcodes'>) =>
    invalid.has(field) ? t(ERROR_KEYS[field]) : undefined;
  const update = (field: ProductField) => (event: { target: { value: string } }) =>
    onChange({ [field]: event.target.value });
  const alternatesError = invalid.has('alternateBarcodes')
    ? t(`products.errors.alternateBarcodes.${alternateBarcodesProblem(values) ?? 'format'}`)
    : undefined;

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
      <div>
        <label htmlFor={alternatesId} className="mb-1 block text-sm font-medium text-slate-700">
          {t('products.alternateBarcodes')}
        </label>
        {/* A textarea: a scanner's Enter after each code starts a new line instead of saving the form. */}
        <textarea
          id={alternatesId}
          value={values.alternateBarcodes}
          onChange={update('alternateBarcodes')}
          rows={2}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={alternatesError ? true : undefined}
          aria-describedby={`${alternatesId}-message`}
          data-testid={`${testIdPrefix}-alternate-barcodes`}
          className={`block w-full rounded-xl border bg-white px-3 py-2 text-lg text-slate-900 outline-none focus:ring-2 ${
            alternatesError
              ? 'border-red-500 focus:ring-red-300'
              : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
          }`}
        />
        <p
          id={`${alternatesId}-message`}
          className={`mt-1 text-sm ${alternatesError ? 'text-red-700' : 'text-slate-500'}`}
        >
          {alternatesError ?? t('products.alternateBarcodesHint')}
        </p>
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
            className={SELECT_CLASS}
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
      <Field
        label={t('products.brandName')}
        value={values.brandName}
        onChange={update('brandName')}
        error={errorFor('brandName')}
        maxLength={120}
        autoComplete="off"
        data-testid={`${testIdPrefix}-brand-name`}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('products.cost')}
          value={values.cost}
          onChange={update('cost')}
          error={errorFor('cost')}
          inputMode="decimal"
          autoComplete="off"
          placeholder={t('products.pricePlaceholder')}
          data-testid={`${testIdPrefix}-cost`}
        />
        <Field
          label={t('products.reorderLevel')}
          value={values.reorderLevel}
          onChange={update('reorderLevel')}
          error={errorFor('reorderLevel')}
          inputMode="numeric"
          autoComplete="off"
          data-testid={`${testIdPrefix}-reorder-level`}
        />
      </div>
      <div>
        <label htmlFor={`${testIdPrefix}-schedule`} className="mb-1 block text-sm font-medium text-slate-700">
          {t('products.schedule')}
        </label>
        <select
          id={`${testIdPrefix}-schedule`}
          value={values.schedule}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ schedule: MEDICINE_SCHEDULES.find((known) => known === value) ?? '' });
          }}
          data-testid={`${testIdPrefix}-schedule`}
          className={SELECT_CLASS}
        >
          <option value="">{t('products.scheduleNone')}</option>
          {MEDICINE_SCHEDULES.map((schedule) => (
            <option key={schedule} value={schedule}>
              {schedule}
            </option>
          ))}
        </select>
      </div>
      <Checkbox
        checked={values.requiresPrescription}
        onChange={(requiresPrescription) => onChange({ requiresPrescription })}
        testId={`${testIdPrefix}-requires-prescription`}
        label={t('products.requiresPrescription')}
      />
      <Checkbox
        checked={values.favourite}
        onChange={(favourite) => onChange({ favourite })}
        testId={`${testIdPrefix}-favourite`}
        label={t('products.favourite')}
      />
      <Checkbox
        checked={values.isActive}
        onChange={(isActive) => onChange({ isActive })}
        testId={`${testIdPrefix}-active`}
        label={t('products.active')}
      />
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

function Checkbox(props: { checked: boolean; onChange: (checked: boolean) => void; testId: string; label: string }) {
  return (
    <label className="flex min-h-12 items-center gap-3 text-base text-slate-800">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        data-testid={props.testId}
        className="size-5 accent-brand-700"
      />
      {props.label}
    </label>
  );
}
