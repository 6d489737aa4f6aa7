import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { FormFields } from './FormFields';
import type { AuthFailure } from './authApi';
import { Notice, failureMessage, type FieldSpec } from './CredentialsForm';

/** Invalid fields by name, each with its own words, or undefined for the field's usual error. */
export type InvalidFields = Record<string, string | undefined>;

interface AccountFormProps<Name extends string> {
  fields: readonly FieldSpec<Name>[];
  /** Words under a field while it has no error (e.g. the password rules). */
  hints?: Partial<Record<Name, string>>;
  validate: (values: Record<Name, string>) => { body: object } | { invalid: InvalidFields };
  /** Sends the body; the failure to show, or null when the flow moved on. */
  submit: (body: object) => Promise<AuthFailure | null>;
  submitLabel: ParseKeys;
  submitTestId: string;
}

/** The email sign-in and registration forms: checked here first, then by the server, whose details land on their fields. */
export function AccountForm<Name extends string>(props: AccountFormProps<Name>) {
  const { fields, hints, validate, submit, submitLabel, submitTestId } = props;
  const { t } = useTranslation();
  const online = useOnline();
  const [values, setValues] = useState(
    () => Object.fromEntries(fields.map((field) => [field.name, ''])) as Record<Name, string>,
  );
  const [invalid, setInvalid] = useState<InvalidFields>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  const details = failure?.kind === 'server' ? failure.details : [];
  const names = new Set<string>(fields.map((field) => field.name));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(values);
    if ('invalid' in result) {
      setInvalid(result.invalid);
      return;
    }
    setInvalid({});
    setFailure(null);
    setBusy(true);
    const failed = await submit(result.body);
    // A flow that moved on unmounts this form; only a failure stays here.
    if (failed) {
      setFailure(failed);
      setBusy(false);
    }
  }

  function fieldError(field: FieldSpec<Name>): string | undefined {
    if (field.name in invalid) return invalid[field.name] ?? t(field.error);
    const messages = details.filter((detail) => detail.path === field.name).map((detail) => detail.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4">
      {!online ? <Notice tone="warning">{t('auth.needsNetwork')}</Notice> : null}
      <FormFields fields={fields} values={values} setValues={setValues} errorOf={fieldError} hints={hints} />
      {failure ? <Notice tone="error">{failureMessage(failure, t)}</Notice> : null}
      {details
        .filter((detail) => !names.has(detail.path))
        .map((detail) => (
          <p key={`${detail.path}:${detail.message}`} className="text-sm text-red-700">
            {detail.message}
          </p>
        ))}
      <Button type="submit" large disabled={busy} data-testid={submitTestId} className="mt-2 w-full">
        {busy ? t('auth.working') : t(submitLabel)}
      </Button>
    </form>
  );
}
