import { useState, type FormEvent, type HTMLInputTypeAttribute } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { FormFields } from './FormFields';
import type { AuthFailure } from './authApi';
import { useAuthSubmit } from './useAuthSubmit';

export interface FieldSpec<Name extends string> {
  name: Name;
  label: ParseKeys;
  error: ParseKeys;
  testId: string;
  type: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'numeric' | 'tel';
  autoComplete: string;
  placeholder?: ParseKeys;
  maxLength?: number;
}

interface CredentialsFormProps<Name extends string> {
  fields: readonly FieldSpec<Name>[];
  /** Client-side checks: the body to send, or the names of the invalid fields. */
  validate: (values: Record<Name, string>) => { body: object } | { invalid: Set<string> };
  url: string;
  submitLabel: ParseKeys;
  submitTestId: string;
  /** Words a failure better than the server can in this context; null keeps the usual words. */
  describeFailure?: ((failure: AuthFailure) => string | null) | undefined;
}

function emptyValues<Name extends string>(fields: readonly FieldSpec<Name>[]): Record<Name, string> {
  return Object.fromEntries(fields.map((field) => [field.name, ''])) as Record<Name, string>;
}

/** The register and sign-in forms: validated here first, then by the server. */
export function CredentialsForm<Name extends string>(props: CredentialsFormProps<Name>) {
  const { fields, validate, url, submitLabel, submitTestId, describeFailure } = props;
  const { t } = useTranslation();
  const online = useOnline();
  const { busy, failure, submit } = useAuthSubmit();
  const [values, setValues] = useState(() => emptyValues(fields));
  const [invalid, setInvalid] = useState<Set<string>>(() => new Set());

  const serverDetails = failure?.kind === 'server' ? failure.details : [];
  const fieldNames = new Set<string>(fields.map((field) => field.name));
  const unplacedDetails = serverDetails.filter((detail) => !fieldNames.has(detail.path));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(values);
    if ('invalid' in result) {
      setInvalid(result.invalid);
      return;
    }
    setInvalid(new Set());
    void submit(url, result.body);
  }

  function fieldError(field: FieldSpec<Name>): string | undefined {
    if (invalid.has(field.name)) return t(field.error);
    return serverDetails.find((detail) => detail.path === field.name)?.message;
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {!online ? <Notice tone="warning">{t('auth.needsNetwork')}</Notice> : null}
      <FormFields fields={fields} values={values} setValues={setValues} errorOf={fieldError} />
      {failure ? <Notice tone="error">{describeFailure?.(failure) ?? failureMessage(failure, t)}</Notice> : null}
      {unplacedDetails.map((detail) => (
        <p key={detail.path} className="text-sm text-red-700">
          {detail.message}
        </p>
      ))}
      <Button type="submit" large disabled={busy} data-testid={submitTestId} className="mt-2 w-full">
        {busy ? t('auth.working') : t(submitLabel)}
      </Button>
    </form>
  );
}

export function failureMessage(failure: AuthFailure, t: (key: ParseKeys) => string): string {
  switch (failure.kind) {
    case 'offline':
      return t('auth.needsNetwork');
    case 'unreachable':
      return t('auth.unreachable');
    case 'server':
      return failure.message;
    case 'unexpected':
      return t('auth.unexpected');
  }
}

export function Notice({ tone, children }: { tone: 'warning' | 'error'; children: string }) {
  const colours =
    tone === 'error' ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-amber-50 text-amber-900 ring-amber-200';
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`rounded-xl px-4 py-3 text-sm ring-1 ${colours}`}>
      {children}
    </p>
  );
}
