import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import type { FieldSpec } from './CredentialsForm';

interface FormFieldsProps<Name extends string> {
  fields: readonly FieldSpec<Name>[];
  values: Record<Name, string>;
  setValues: Dispatch<SetStateAction<Record<Name, string>>>;
  errorOf: (field: FieldSpec<Name>) => string | undefined;
  /** Words under a field while it has no error (e.g. the password rules). */
  hints?: Partial<Record<Name, string>> | undefined;
}

/** The inputs of a sign-in or registration form, from their specs; both kinds of form draw them alike. */
export function FormFields<Name extends string>({ fields, values, setValues, errorOf, hints }: FormFieldsProps<Name>) {
  const { t } = useTranslation();
  return fields.map((field) => (
    <Field
      key={field.name}
      label={t(field.label)}
      name={field.name}
      type={field.type}
      inputMode={field.inputMode}
      autoComplete={field.autoComplete}
      placeholder={field.placeholder ? t(field.placeholder) : undefined}
      maxLength={field.maxLength}
      value={values[field.name]}
      error={errorOf(field)}
      hint={hints?.[field.name]}
      data-testid={field.testId}
      onChange={(event) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [field.name]: value }));
      }}
    />
  ));
}
