import { signInRequestSchema } from '@opentill/domain';
import { CredentialsForm, type FieldSpec } from './CredentialsForm';
import { SIGN_IN_URL, type AuthFailure } from './authApi';
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

/**
 * Signing in adds this phone as a new device of the shop, with its own id and sequence;
 * after a session ended, `deviceId` signs it in again as the device it was, so its queue
 * (numbered and chained for that device) can still be sent.
 */
function validateFor(deviceId: string | undefined) {
  return (values: Record<SignInField, string>) => {
    const parsed = signInRequestSchema.safeParse({ ...values, deviceId: deviceId ?? crypto.randomUUID() });
    return parsed.success ? { body: parsed.data } : { invalid: invalidFields(parsed.error.issues) };
  };
}

interface SignInFormProps {
  deviceId?: string | undefined;
  describeFailure?: ((failure: AuthFailure) => string | null) | undefined;
}

export function SignInForm({ deviceId, describeFailure }: SignInFormProps = {}) {
  return (
    <CredentialsForm
      fields={FIELDS}
      validate={validateFor(deviceId)}
      url={SIGN_IN_URL}
      submitLabel="auth.submitSignIn"
      submitTestId="signin-submit"
      describeFailure={describeFailure}
    />
  );
}
