import { useTranslation } from 'react-i18next';
import { isExpired, shopDateOf, type CartLine } from '@opentill/domain';
import { useLiveBatchesOf } from '../db/batchList';
import { formatCalendarDate } from '../i18n/format';
import { SelectField } from '../ui/SelectField';
import { useCart } from './cartStore';

/**
 * BT5: a pharmacist picks the batch a line's units come from (e.g. the lot on the pack in hand); the
 * default is first expiry first. Only sellable batches are offered: never an expired one (BT2). Shown
 * to whoever may dispense (`rx:dispense`) when the product has batches here.
 */
export function LineBatchPicker({ line }: { line: CartLine }) {
  const { t, i18n } = useTranslation();
  const today = shopDateOf(new Date());
  const sellable = (useLiveBatchesOf(line.productId) ?? []).filter(
    (batch) => batch.onHand > 0 && !isExpired(batch, today),
  );
  if (sellable.length === 0) return null;
  return (
    <SelectField
      label={t('sales.line.batch')}
      value={line.batchId ?? ''}
      onChange={(value) => useCart.getState().pickBatch(line.lineId, value || null)}
      testId="line-batch"
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
    </SelectField>
  );
}
