import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isExpired, shopDateOf, type CartLine } from '@opentill/domain';
import { useLiveBatchesOf } from '../db/batchList';
import { formatCalendarDate } from '../i18n/format';
import { useCart } from './cartStore';

/**
 * BT5: a pharmacist picks the batch a line's units come from (e.g. the lot on the pack in hand); the
 * default is first expiry first. Only sellable batches are offered: never an expired one (BT2). Shown
 * to whoever may dispense (`rx:dispense`) when the product has batches here.
 */
export function LineBatchPicker({ line }: { line: CartLine }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const today = shopDateOf(new Date());
  const sellable = (useLiveBatchesOf(line.productId) ?? []).filter(
    (batch) => batch.onHand > 0 && !isExpired(batch, today),
  );
  if (sellable.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t('sales.line.batch')}
      </label>
      <select
        id={id}
        value={line.batchId ?? ''}
        onChange={(event) => useCart.getState().pickBatch(line.lineId, event.target.value || null)}
        data-testid="line-batch"
        className="block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg text-slate-900"
      >
        <option value="">{t('sales.line.batchFefo')}</option>
        {sellable.map((batch) => (
          <option key={batch.id} value={batch.id}>
            {t('sales.line.batchOption', {
              lot: batch.lot,
              expiry:
                batch.expiresOn === null
                  ? t('sales.line.batchNoExpiry')
                  : formatCalendarDate(batch.expiresOn, i18n.language),
              count: batch.onHand,
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
