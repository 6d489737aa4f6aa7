import { emailSignInRequestSchema } from '@opentill/domain';
import type { AuthFailure } from './authApi';
import { AccountForm, type InvalidFields } from './AccountForm';
import type { FieldSpec } from './CredentialsForm';
import { invalidFields } from './fieldErrors';

type EmailSignInField = 'email' | 'password';

const FIELDS: readonly FieldSpec<EmailSignInField>[] = [
  {
    name: 'email',
    label: 'account.email',
    error: 'account.errors.email',
    testId: 'email-signin-email',
    type: 'email',
    autoComplete: 'username',
    placeholder: 'account.emailPlaceholder',
    maxLength: 254,
  },
  {
    name: 'password',
    label: 'account.password',
    error: 'account.errors.password',
    testId: 'email-signin-password',
    type: 'password',
    autoComplete: 'current-password',
  },
];

function validate(values: Record<EmailSignInField, string>) {
  // The device id is added with the key pair when the form is sent (accountSignIn.ts).
  const parsed = emailSignInRequestSchema.safeParse({ ...values, deviceId: crypto.randomUUID() });
  if (parsed.success) return { body: { email: parsed.data.email, password: parsed.data.password } };
  const invalid: InvalidFields = {};
  for (const name of invalidFields(parsed.error.issues)) invalid[name] = undefined;
  return { invalid };
}

export function EmailSignInForm({ submit }: { submit: (body: object) => Promise<AuthFailure | null> }) {
  return (
    <AccountForm
      fields={FIELDS}
      validate={validate}
      submit={submit}
      submitLabel="account.submitSignIn"
      submitTestId="email-signin-submit"
    />
  );
}
