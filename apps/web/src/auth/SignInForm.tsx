import { signInRequestSchema } from '@opentill/domain';
import { CredentialsForm, type FieldSpec } from './CredentialsForm';
import { SIGN_IN_URL } from './authApi';
import { invalidFields } from './fieldErrors';

type SignInField = 'phone' | 'pin';

const FIELDS: readonly FieldSpec<SignInField>[] = [
  {
    name: 'phone',
    label: 'auth.phone',
    error: 'auth.errors.phone',
    testId: 'signin-phone',
    type: 'tel',
    inputMode: 'tel',
    autoComplete: 'tel',
    placeholder: 'auth.phonePlaceholder',
  },
  {
    name: 'pin',
    label: 'auth.pin',
    error: 'auth.errors.pin',
    testId: 'signin-pin',
    type: 'password',
    inputMode: 'numeric',
    autoComplete: 'current-password',
    maxLength: 6,
  },
];

function validate(values: Record<SignInField, string>) {
  // Signing in adds this phone as a new device of the shop, with its own id and sequence.
  const parsed = signInRequestSchema.safeParse({ ...values, deviceId: crypto.randomUUID() });
  return parsed.success ? { body: parsed.data } : { invalid: invalidFields(parsed.error.issues) };
}

export function SignInForm() {
  return (
    <CredentialsForm
      fields={FIELDS}
      validate={validate}
      url={SIGN_IN_URL}
      submitLabel="auth.submitSignIn"
      submitTestId="signin-submit"
    />
  );
}
