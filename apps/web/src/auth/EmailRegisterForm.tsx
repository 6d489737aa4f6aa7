import { useTranslation } from 'react-i18next';
import { PASSWORD_POLICIES, emailRegisterRequestSchema, passwordProblems } from '@opentill/domain';
import type { AuthFailure } from './authApi';
import { AccountForm, type InvalidFields } from './AccountForm';
import type { FieldSpec } from './CredentialsForm';
import { invalidFields } from './fieldErrors';

type EmailRegisterField = 'businessName' | 'ownerName' | 'email' | 'password' | 'passwordConfirm';

/** Pharmacies register with the pharmacy policy (16 characters), the server's default for this route. */
const POLICY = PASSWORD_POLICIES.pharmacy;

const FIELDS: readonly FieldSpec<EmailRegisterField>[] = [
  {
    name: 'businessName',
    label: 'account.businessName',
    error: 'auth.errors.businessName',
    testId: 'email-register-business-name',
    type: 'text',
    autoComplete: 'organization',
    maxLength: 80,
  },
  {
    name: 'ownerName',
    label: 'auth.ownerName',
    error: 'auth.errors.ownerName',
    testId: 'email-register-owner-name',
    type: 'text',
    autoComplete: 'name',
    maxLength: 80,
  },
  {
    name: 'email',
    label: 'account.email',
    error: 'account.errors.email',
    testId: 'email-register-email',
    type: 'email',
    autoComplete: 'username',
    placeholder: 'account.emailPlaceholder',
    maxLength: 254,
  },
  {
    name: 'password',
    label: 'account.newPassword',
    error: 'account.errors.password',
    testId: 'email-register-password',
    type: 'password',
    autoComplete: 'new-password',
  },
  {
    name: 'passwordConfirm',
    label: 'account.passwordConfirm',
    error: 'account.errors.passwordConfirm',
    testId: 'email-register-password-confirm',
    type: 'password',
    autoComplete: 'new-password',
  },
];

function validate(values: Record<EmailRegisterField, string>) {
  const { passwordConfirm, ...fields } = values;
  const parsed = emailRegisterRequestSchema.safeParse({ ...fields, preset: 'pharmacy', deviceId: crypto.randomUUID() });
  const invalid: InvalidFields = {};
  if (!parsed.success) for (const name of invalidFields(parsed.error.issues)) invalid[name] = undefined;
  // The length and personal-information rules here; the common-password list only on the server.
  const problems = passwordProblems(values.password, POLICY, {
    email: values.email,
    name: values.ownerName,
    businessName: values.businessName,
    isCommon: () => false,
  });
  if (values.password !== '' && problems.length > 0) {
    invalid.password = problems.map((problem) => problem.message).join(' ');
  }
  if (passwordConfirm !== values.password) invalid.passwordConfirm = undefined;
  if (!parsed.success || Object.keys(invalid).length > 0) return { invalid };
  const { businessName, ownerName, email, password, preset } = parsed.data;
  return { body: { businessName, ownerName, email, password, preset } };
}

export function EmailRegisterForm({ submit }: { submit: (body: object) => Promise<AuthFailure | null> }) {
  const { t } = useTranslation();
  return (
    <AccountForm
      fields={FIELDS}
      hints={{ password: t('account.passwordHint', { min: POLICY.minLength }) }}
      validate={validate}
      submit={submit}
      submitLabel="account.submitRegister"
      submitTestId="email-register-submit"
    />
  );
}
