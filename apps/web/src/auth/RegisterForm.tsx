import { registerRequestSchema } from '@opentill/domain';
import { CredentialsForm, type FieldSpec } from './CredentialsForm';
import { REGISTER_URL } from './authApi';
import { invalidFields } from './fieldErrors';

type RegisterField = 'businessName' | 'ownerName' | 'phone' | 'pin' | 'pinConfirm';

const FIELDS: readonly FieldSpec<RegisterField>[] = [
  {
    name: 'businessName',
    label: 'auth.businessName',
    error: 'auth.errors.businessName',
    testId: 'register-business-name',
    type: 'text',
    autoComplete: 'organization',
    maxLength: 80,
  },
  {
    name: 'ownerName',
    label: 'auth.ownerName',
    error: 'auth.errors.ownerName',
    testId: 'register-owner-name',
    type: 'text',
    autoComplete: 'name',
    maxLength: 80,
  },
  {
    name: 'phone',
    label: 'auth.phone',
    error: 'auth.errors.phone',
    testId: 'register-phone',
    type: 'tel',
    inputMode: 'tel',
    autoComplete: 'tel',
    placeholder: 'auth.phonePlaceholder',
  },
  {
    name: 'pin',
    label: 'auth.pin',
    error: 'auth.errors.pin',
    testId: 'register-pin',
    type: 'password',
    inputMode: 'numeric',
    autoComplete: 'new-password',
    maxLength: 6,
  },
  {
    name: 'pinConfirm',
    label: 'auth.pinConfirm',
    error: 'auth.errors.pinConfirm',
    testId: 'register-pin-confirm',
    type: 'password',
    inputMode: 'numeric',
    autoComplete: 'new-password',
    maxLength: 6,
  },
];

function validate(values: Record<RegisterField, string>) {
  const { pinConfirm, ...fields } = values;
  // A new device id per registration: a wiped phone starts a fresh sequence.
  const parsed = registerRequestSchema.safeParse({ ...fields, deviceId: crypto.randomUUID() });
  const invalid = parsed.success ? new Set<string>() : invalidFields(parsed.error.issues);
  if (pinConfirm !== values.pin) invalid.add('pinConfirm');
  if (!parsed.success || invalid.size > 0) return { invalid };
  return { body: parsed.data };
}

export function RegisterForm() {
  return (
    <CredentialsForm
      fields={FIELDS}
      validate={validate}
      url={REGISTER_URL}
      submitLabel="auth.submitRegister"
      submitTestId="register-submit"
    />
  );
}
