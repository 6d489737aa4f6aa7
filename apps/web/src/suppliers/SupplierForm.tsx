import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeZaPhone, type Supplier } from '@opentill/domain';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { saveSupplier } from './suppliersApi';
import { suppliersFailureMessage } from './suppliersFailureMessage';

type Problem = 'name' | 'phone' | 'email';

const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

interface SupplierFormProps {
  /** The supplier changed; absent: a new one. */
  supplier?: Supplier;
  onSaved: (supplier: Supplier) => void;
  onCancel: () => void;
}

/** Adds or changes a supplier (PO1), online: name, phone for WhatsApp, email, notes, active. */
export function SupplierForm({ supplier, onSaved, onCancel }: SupplierFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(supplier?.name ?? '');
  const [phone, setPhone] = useState(supplier?.phone ?? '');
  const [email, setEmail] = useState(supplier?.email ?? '');
  const [notes, setNotes] = useState(supplier?.notes ?? '');
  const [active, setActive] = useState(supplier?.active ?? true);
  const [invalid, setInvalid] = useState<Problem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem: Problem | null = !name.trim()
      ? 'name'
      : phone.trim() && normalizeZaPhone(phone.trim()) === null
        ? 'phone'
        : email.trim() && !looksLikeEmail(email.trim())
          ? 'email'
          : null;
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    const answer = await saveSupplier(
      {
        name: name.trim(),
        phone: phone.trim() || null,
        email: email.trim() || null,
        notes: notes.trim() || null,
        active,
      },
      supplier?.id,
    );
    setBusy(false);
    if (answer.ok) onSaved(answer.value);
    else setError(suppliersFailureMessage(answer.failure, t));
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-2"
      data-testid="supplier-form"
    >
      <Field
        label={t('suppliers.form.name')}
        value={name}
        maxLength={120}
        onChange={(event) => setName(event.target.value)}
        error={invalid === 'name' ? t('suppliers.errors.name') : undefined}
        autoComplete="off"
        data-testid="supplier-name"
      />
      <Field
        label={t('suppliers.form.phone')}
        value={phone}
        maxLength={30}
        inputMode="tel"
        onChange={(event) => setPhone(event.target.value)}
        error={invalid === 'phone' ? t('suppliers.errors.phone') : undefined}
        autoComplete="off"
        data-testid="supplier-phone"
      />
      <Field
        label={t('suppliers.form.email')}
        value={email}
        type="email"
        maxLength={254}
        onChange={(event) => setEmail(event.target.value)}
        error={invalid === 'email' ? t('suppliers.errors.email') : undefined}
        autoComplete="off"
        data-testid="supplier-email"
      />
      <Field
        label={t('suppliers.form.notes')}
        value={notes}
        maxLength={500}
        onChange={(event) => setNotes(event.target.value)}
        autoComplete="off"
        data-testid="supplier-notes"
      />
      <label className="flex min-h-12 items-center gap-3 text-base text-slate-800">
        <input
          type="checkbox"
          checked={active}
          onChange={(event) => setActive(event.target.checked)}
          className="size-5"
          data-testid="supplier-active"
        />
        {t('suppliers.form.active')}
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700" data-testid="supplier-error">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t('suppliers.form.cancel')}
        </Button>
        <Button type="submit" disabled={busy} data-testid="supplier-save">
          {busy ? t('suppliers.form.saving') : t('suppliers.form.save')}
        </Button>
      </div>
    </form>
  );
}
