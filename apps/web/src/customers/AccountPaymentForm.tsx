import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_PAYMENT_METHODS, cents, formatRands, parseRands, type AccountPayment } from '@opentill/domain';
import { takeAccountPayment } from '../db/customers';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';

/** CU3, SH7: money paid against the book, by cash, card or mobile money, in the open shift. */
export function AccountPaymentForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<AccountPayment['method']>('cash');
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState<{ kind: 'done' | 'problem'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const paid = parseRands(amount);
    if (paid === null || paid <= 0) {
      setMessage({ kind: 'problem', text: t('customers.payment.invalid') });
      return;
    }
    setSaving(true);
    try {
      await takeAccountPayment(customerId, paid, method, reference);
      setMessage({ kind: 'done', text: t('customers.payment.taken', { amount: formatRands(paid) }) });
      setAmount('');
      setReference('');
      requestSync();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setMessage({ kind: 'problem', text: t('customers.payment.failed', { message: text }) });
    } finally {
      setSaving(false);
    }
  }

  const typed = parseRands(amount);
  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <h3 className="font-bold text-slate-900">{t('customers.payment.title')}</h3>
      <Field
        label={t('customers.payment.amount')}
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        inputMode="decimal"
        autoComplete="off"
        data-testid="payment-amount"
      />
      <div role="radiogroup" aria-label={t('customers.payment.method')} className="grid grid-cols-3 gap-2">
        {ACCOUNT_PAYMENT_METHODS.map((each) => (
          <Button
            key={each}
            role="radio"
            aria-checked={method === each}
            variant={method === each ? 'primary' : 'secondary'}
            onClick={() => setMethod(each)}
            data-testid={`payment-method-${each}`}
            className="px-1 text-sm"
          >
            {t(`customers.payment.methods.${each}`)}
          </Button>
        ))}
      </div>
      {method === 'cash' ? null : (
        <Field
          label={t('customers.payment.reference')}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          autoComplete="off"
        />
      )}
      {message ? (
        <p
          role={message.kind === 'problem' ? 'alert' : 'status'}
          data-testid="payment-message"
          className={`text-sm ${message.kind === 'problem' ? 'text-red-700' : 'text-green-800'}`}
        >
          {message.text}
        </p>
      ) : null}
      <Button type="submit" disabled={saving} data-testid="payment-take">
        {t('customers.payment.take', { amount: formatRands(typed && typed > 0 ? typed : cents(0)) })}
      </Button>
    </form>
  );
}
