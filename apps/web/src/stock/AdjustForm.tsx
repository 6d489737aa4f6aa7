import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdjustmentReason, PulledBatch } from '@opentill/domain';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { SelectField } from '../ui/SelectField';
import { formatCalendarDate } from '../i18n/format';
import { parseQuantity } from './quantity';
import { stockSaveError } from './stockSaveError';

/** The reasons a person picks; `count` is the count's own (Count stock). */
const REASONS = ['damaged', 'expired', 'theft', 'correction'] as const satisfies readonly AdjustmentReason[];
type Reason = (typeof REASONS)[number];

export interface Adjustment {
  delta: number;
  reason: Reason;
  batchId?: string;
  note?: string;
}

interface AdjustFormProps {
  /** This branch's batches of the product, first expiry first (may be empty). */
  batches: readonly PulledBatch[];
  /** Queues the adjustment; a throw keeps what was typed and shows why. */
  onSubmit: (adjustment: Adjustment) => Promise<void>;
  onCancel: () => void;
}

/**
 * "Adjust stock": units taken off (damaged, expired, stolen) or put back (a correction), with a reason, of one
 * batch when the product is kept in batches, and an optional note. Needs `stock:adjust`.
 */
export function AdjustForm({ batches, onSubmit, onCancel }: AdjustFormProps) {
  const { t, i18n } = useTranslation();
  const [direction, setDirection] = useState<'remove' | 'add'>('remove');
  const [quantityText, setQuantityText] = useState('');
  const [reason, setReason] = useState<Reason>('damaged');
  const [batchId, setBatchId] = useState(batches[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const quantity = parseQuantity(quantityText, 1);
    setInvalid(quantity === null);
    if (quantity === null) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        delta: direction === 'remove' ? -quantity : quantity,
        reason,
        ...(batchId ? { batchId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    } catch (failure) {
      setError(stockSaveError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-2"
      data-testid="stock-adjust"
    >
      <div role="radiogroup" aria-label={t('stock.adjust.direction')} className="grid grid-cols-2 gap-2">
        {(['remove', 'add'] as const).map((option) => (
          <Button
            key={option}
            role="radio"
            aria-checked={direction === option}
            variant={direction === option ? 'primary' : 'secondary'}
            onClick={() => setDirection(option)}
            data-testid={`stock-adjust-${option}`}
          >
            {t(`stock.adjust.${option}`)}
          </Button>
        ))}
      </div>
      <Field
        label={t('stock.adjust.quantity')}
        value={quantityText}
        onChange={(event) => setQuantityText(event.target.value)}
        error={invalid ? t('stock.errors.quantity') : undefined}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        data-testid="stock-adjust-quantity"
      />
      <SelectField
        label={t('stock.adjust.reason')}
        value={reason}
        onChange={(value) => setReason(REASONS.find((known) => known === value) ?? 'damaged')}
        testId="stock-adjust-reason"
      >
        {REASONS.map((known) => (
          <option key={known} value={known}>
            {t(`stock.adjust.reasons.${known}`)}
          </option>
        ))}
      </SelectField>
      {batches.length > 0 ? (
        <SelectField label={t('stock.adjust.batch')} value={batchId} onChange={setBatchId} testId="stock-adjust-batch">
          {batches.map((batch) => (
            <option key={batch.id} value={batch.id}>
              {t('stock.adjust.batchOption', {
                lot: batch.lot,
                expiry:
                  batch.expiresOn === null
                    ? t('products.batches.noExpiry')
                    : formatCalendarDate(batch.expiresOn, i18n.language),
                count: batch.onHand,
              })}
            </option>
          ))}
          <option value="">{t('stock.adjust.noBatch')}</option>
        </SelectField>
      ) : null}
      <Field
        label={t('stock.adjust.note')}
        value={note}
        maxLength={200}
        onChange={(event) => setNote(event.target.value)}
        autoComplete="off"
        data-testid="stock-adjust-note"
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700" data-testid="stock-adjust-error">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t('stock.cancel')}
        </Button>
        <Button type="submit" disabled={busy} data-testid="stock-adjust-save">
          {busy ? t('stock.saving') : t('stock.save')}
        </Button>
      </div>
    </form>
  );
}
