import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { branchInputSchema } from '@opentill/domain';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';

interface BranchNameFormProps {
  /** `branch-add` or `branch-rename`: the prefix of the form's test ids. */
  testId: string;
  label: string;
  submitLabel: string;
  initial?: string;
  online: boolean;
  /** Sends the checked name; resolves to the refusal to show, or null when done. */
  onSubmit: (name: string) => Promise<string | null>;
  onCancel?: () => void;
}

/** A branch's name, for adding one or renaming it: checked here as the server checks it (BR1), then sent. */
export function BranchNameForm({
  testId,
  label,
  submitLabel,
  initial = '',
  online,
  onSubmit,
  onCancel,
}: BranchNameFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = branchInputSchema.safeParse({ name });
    if (!parsed.success) {
      setError(t('branches.errors.name'));
      return;
    }
    setSaving(true);
    setError(null);
    const refusal = await onSubmit(parsed.data.name);
    setSaving(false);
    setError(refusal);
    if (refusal === null && !onCancel) setName(''); // the add form is ready for the next branch
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-2">
      <Field
        label={label}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error ?? undefined}
        autoComplete="off"
        maxLength={120}
        data-testid={`${testId}-name`}
      />
      <div className={onCancel ? 'grid grid-cols-2 gap-2' : 'flex'}>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={saving} data-testid={`${testId}-cancel`}>
            {t('branches.cancel')}
          </Button>
        ) : null}
        <Button type="submit" disabled={!online || saving} data-testid={`${testId}-submit`} className="w-full">
          {saving ? t('branches.saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
