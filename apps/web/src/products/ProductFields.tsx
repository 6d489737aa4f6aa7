import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import type { ProductField, ProductFormValues } from './productForm';

const ERROR_KEYS = {
  name: 'products.errors.name',
  price: 'products.errors.price',
  barcode: 'products.errors.barcode',
  category: 'products.errors.category',
} as const;

interface ProductFieldsProps {
  values: ProductFormValues;
  invalid: ReadonlySet<ProductField>;
  onChange: (field: ProductField, value: string) => void;
  /** Test ids are `${testIdPrefix}-name`, `-price`, `-barcode`, `-category`. */
  testIdPrefix: string;
}

/** The product fields, shared by the add and edit forms. */
export function ProductFields({ values, invalid, onChange, testIdPrefix }: ProductFieldsProps) {
  const { t } = useTranslation();
  const errorFor = (field: ProductField) => (invalid.has(field) ? t(ERROR_KEYS[field]) : undefined);
  const update = (field: ProductField) => (event: { target: { value: string } }) => onChange(field, event.target.value);

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
    </>
  );
}
