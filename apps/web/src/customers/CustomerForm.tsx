import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands } from '@opentill/domain';
import { saveCustomer } from '../db/customers';
import type { LocalCustomer } from '../db/database';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { mayChangeLimit, type CustomerAccess } from './customerAccess';
import { readCreditLimit, readCustomerForm, type CustomerFormProblem } from './customerForm';

const asInput = (amount: number | null) => (amount === null ? '' : formatRands(cents(amount)).replace(/^R\s*/, ''));

interface CustomerFormProps {
  /** The customer edited; absent: a new one. */
  customer?: LocalCustomer;
  /** A new customer's name or number as typed in the search, to start from. */
  start?: string;
  access: CustomerAccess;
  onSaved: (customer: LocalCustomer) => void;
  onCancel: () => void;
}

/** Add or edit a customer, offline (CU1); the limit field only for someone who may give credit (CU4). */
export function CustomerForm({ customer, start = '', access, onSaved, onCancel }: CustomerFormProps) {
  const { t } = useTranslation();
  const startsWithDigit = /^[\d+]/.test(start.trim());
  const [name, setName] = useState(customer?.name ?? (startsWithDigit ? '' : start));
  const [phone, setPhone] = useState(customer?.phone ?? (startsWithDigit ? start : ''));
  const [creditLimit, setCreditLimit] = useState(asInput(customer?.creditLimit ?? null));
  const [problems, setProblems] = useState<CustomerFormProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readCustomerForm({ name, phone, creditLimit });
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      onSaved(await saveCustomer(read.details, customer?.id));
    } catch (error) {
      setFailure(
        t('customers.problems.saveFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
      setSaving(false);
    }
  }

  const problem = (field: CustomerFormProblem) =>
    problems.includes(field) ? t(`customers.problems.${field}`) : undefined;
  const typedLimit = readCreditLimit(creditLimit);
  const limitAllowed =
    typedLimit === 'invalid' || mayChangeLimit(access, customer ? customer.creditLimit : undefined, typedLimit);

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-3 p-4" noValidate>
      <Field
        label={t('customers.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem('name')}
        autoComplete="off"
        data-testid="customer-name"
      />
      <Field
        label={t('customers.phone')}
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={problem('phone')}
        hint={t('customers.phoneHint')}
        inputMode="tel"
        autoComplete="off"
        data-testid="customer-phone"
      />
      <Field
        label={t('customers.creditLimit')}
        value={creditLimit}
        onChange={(event) => setCreditLimit(event.target.value)}
        error={problem('creditLimit') ?? (limitAllowed ? undefined : t('customers.creditLimitLocked'))}
        hint={t('customers.creditLimitHint')}
        inputMode="decimal"
        disabled={!access.credit && !customer?.creditLimit}
        data-testid="customer-limit"
      />
      {failure ? (
        <p role="alert" className="rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {failure}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('customers.cancel')}
        </Button>
        <Button type="submit" disabled={saving || !limitAllowed} data-testid="customer-save">
          {saving ? t('customers.saving') : t('customers.save')}
        </Button>
      </div>
    </form>
  );
}
