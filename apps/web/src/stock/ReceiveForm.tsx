import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BatchRefusedError } from '../db/errors';
import type { ReceivedLot } from '../db/receiving';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { parseQuantity } from './quantity';
import { stockSaveError } from './stockSaveError';

interface ReceiveFormProps {
  /** Writes the delivery; a throw keeps what was typed and shows why. */
  onSubmit: (quantity: number, lot: ReceivedLot | null) => Promise<void>;
  onCancel: () => void;
  /** Units typed in to start with (a purchase order's units still to come); the person may change them. */
  initialQuantity?: number;
}

/**
 * A delivery: the units, and for goods kept in batches the lot and expiry
 * printed on the pack (BT8). Without a lot the units are kept without a batch.
 */
export function ReceiveForm({ onSubmit, onCancel, initialQuantity }: ReceiveFormProps) {
  const { t } = useTranslation();
  const [quantityText, setQuantityText] = useState(initialQuantity ? String(initialQuantity) : '');
  const [lot, setLot] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [invalid, setInvalid] = useState<'quantity' | 'expiry' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const quantity = parseQuantity(quantityText, 1);
    // An expiry without a lot names no batch: the lot is what the pack and the recall notice share.
    const problem = quantity === null ? 'quantity' : expiresOn && !lot.trim() ? 'expiry' : null;
    setInvalid(problem);
    if (problem || quantity === null) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(quantity, lot.trim() ? { lot: lot.trim(), expiresOn: expiresOn || null } : null);
    } catch (failure) {
      setError(
        failure instanceof BatchRefusedError
          ? t(`products.batches.refused.${failure.reason}`)
          : stockSaveError(failure, t),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-2">
      <Field
        label={t('stock.receivedLabel')}
        value={quantityText}
        onChange={(event) => setQuantityText(event.target.value)}
        error={invalid === 'quantity' ? t('stock.errors.quantity') : undefined}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        data-testid="stock-receive-quantity"
      />
      <div className="grid grid-cols-2 gap-2">
        <Field
          label={t('products.batches.lot')}
          value={lot}
          maxLength={40}
          onChange={(event) => setLot(event.target.value)}
          autoComplete="off"
          data-testid="stock-receive-lot"
        />
        <Field
          label={t('products.batches.expiresOn')}
          type="date"
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
          error={invalid === 'expiry' ? t('products.batches.expiryNeedsLot') : undefined}
          data-testid="stock-receive-expiry"
        />
      </div>
      <p className="text-sm text-slate-500">{t('products.batches.hint')}</p>
      {error ? (
        <p role="alert" className="text-sm text-red-700" data-testid="stock-receive-error">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={onCancel} data-testid="stock-receive-cancel">
          {t('stock.cancel')}
        </Button>
        <Button type="submit" disabled={busy} data-testid="stock-receive-save">
          {busy ? t('stock.saving') : t('stock.save')}
        </Button>
      </div>
    </form>
  );
}
