import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { parseQuantity } from './quantity';
import { stockSaveError } from './stockSaveError';

interface QuantityFormProps {
  label: string;
  /** 1 for a delivery, 0 for a count (an empty shelf is a count too). */
  min: 0 | 1;
  submitLabel: string;
  /** Writes the quantity; a throw keeps what was typed and shows why. */
  onSubmit: (quantity: number) => Promise<void>;
  onCancel: () => void;
  /** Test ids are `${testIdPrefix}-quantity`, `-save` and `-cancel`. */
  testIdPrefix: string;
}

/** Asks for a number of units, checks it, and hands it on; what was typed stays until it is saved. */
export function QuantityForm({ label, min, submitLabel, onSubmit, onCancel, testIdPrefix }: QuantityFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const quantity = parseQuantity(text, min);
    setInvalid(quantity === null);
    if (quantity === null) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(quantity);
    } catch (failure) {
      setError(stockSaveError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-2">
      <Field
        label={label}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={invalid ? t(min === 0 ? 'stock.errors.counted' : 'stock.errors.quantity') : undefined}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        data-testid={`${testIdPrefix}-quantity`}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={onCancel} data-testid={`${testIdPrefix}-cancel`}>
          {t('stock.cancel')}
        </Button>
        <Button type="submit" disabled={busy} data-testid={`${testIdPrefix}-save`}>
          {busy ? t('stock.saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
