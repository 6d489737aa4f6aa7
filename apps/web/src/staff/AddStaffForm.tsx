import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, needsBranches, type Session, type StaffMember } from '@opentill/domain';
import type { FieldDetail } from '../api/serverError';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { createStaff } from './staffApi';
import { staffFailureMessage } from './staffFailureMessage';
import { EMPTY_STAFF_FORM, readStaffForm, type StaffField, type StaffFormValues, type StaffRole } from './staffForm';

interface AddStaffFormProps {
  branch: Session['branch'];
  online: boolean;
  onAdded: (member: StaffMember) => void;
}

const FIELD_ERRORS = {
  name: 'staff.errors.name',
  phone: 'staff.errors.phone',
  role: 'staff.errors.unexpected',
  pin: 'staff.errors.pin',
} as const satisfies Record<StaffField, string>;

/** Adds a person at this device's branch with a role and a PIN; checked here first, then by the server. */
export function AddStaffForm({ branch, online, onAdded }: AddStaffFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<StaffFormValues>(EMPTY_STAFF_FORM);
  const [invalid, setInvalid] = useState<Set<StaffField>>(() => new Set());
  const [serverDetails, setServerDetails] = useState<FieldDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<StaffFormValues>) => setValues((current) => ({ ...current, ...patch }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readStaffForm(values, branch.id);
    setInvalid(result.ok ? new Set() : result.invalid);
    setServerDetails([]);
    setError(null);
    if (!result.ok) return;
    setSaving(true);
    const created = await createStaff(result.input);
    setSaving(false);
    if (created.ok) {
      setValues(EMPTY_STAFF_FORM);
      onAdded(created.value);
      return;
    }
    const failure = created.failure;
    setError(staffFailureMessage(failure, t));
    if (failure.kind === 'server') setServerDetails(failure.details);
  }

  function fieldError(field: StaffField): string | undefined {
    if (invalid.has(field)) return t(FIELD_ERRORS[field]);
    return serverDetails.find((detail) => detail.path === field)?.message;
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 className="text-lg font-bold text-slate-900">{t('staff.addTitle')}</h3>
      <Field
        label={t('staff.name')}
        value={values.name}
        onChange={(event) => change({ name: event.target.value })}
        error={fieldError('name')}
        autoComplete="off"
        maxLength={80}
        data-testid="staff-name"
      />
      <RoleSelect role={values.role} onChange={(role) => change({ role })} />
      <p className="text-sm text-slate-600">
        {needsBranches(values.role) ? t('staff.branch', { branch: branch.name }) : t('staff.allBranches')}
      </p>
      <Field
        label={t('staff.pin')}
        hint={t('staff.pinHint')}
        value={values.pin}
        onChange={(event) => change({ pin: event.target.value })}
        error={fieldError('pin')}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={6}
        data-testid="staff-pin"
      />
      <Field
        label={t('staff.phone')}
        hint={t('staff.phoneHint')}
        value={values.phone}
        onChange={(event) => change({ phone: event.target.value })}
        error={fieldError('phone')}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        data-testid="staff-phone"
      />
      {error ? (
        <p role="alert" data-testid="staff-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" large disabled={!online || saving} data-testid="staff-submit" className="w-full">
        {saving ? t('staff.saving') : t('staff.add')}
      </Button>
    </form>
  );
}

function RoleSelect({ role, onChange }: { role: StaffRole; onChange: (role: StaffRole) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {t('staff.role')}
      </label>
      <select
        id={id}
        value={role}
        onChange={(event) => {
          const picked = STAFF_ROLES.find((known) => known === event.target.value);
          if (picked) onChange(picked);
        }}
        data-testid="staff-role"
        className="block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg text-slate-900 outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
      >
        {STAFF_ROLES.map((known) => (
          <option key={known} value={known}>
            {t(`roles.${known}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
