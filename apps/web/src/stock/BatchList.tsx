import { useTranslation } from 'react-i18next';
import { isExpired, shopDateOf } from '@opentill/domain';
import { useLiveBatchesOf } from '../db/batchList';
import { formatCalendarDate } from '../i18n/format';

/**
 * A product's batches at this branch, first expiry first (BT3): lot, expiry
 * and units, with the expired ones marked (they are never sold, BT2). The
 * figures are the server's as last pulled.
 */
export function BatchList({ productId }: { productId: string }) {
  const { t, i18n } = useTranslation();
  const batches = useLiveBatchesOf(productId);
  const held = (batches ?? []).filter((batch) => batch.onHand > 0);
  if (held.length === 0) return null;
  const today = shopDateOf(new Date());
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{t('products.batches.title')}</h3>
      <ul className="mt-1 divide-y divide-slate-100" data-testid="batch-list">
        {held.map((batch) => {
          const expired = isExpired(batch, today);
          return (
            <li
              key={batch.id}
              className="flex items-center justify-between gap-2 py-1.5 text-sm"
              data-testid="batch-row"
            >
              <span className="font-medium text-slate-900">{batch.lot}</span>
              <span className={expired ? 'font-semibold text-red-700' : 'text-slate-600'}>
                {batch.expiresOn === null
                  ? t('products.batches.noExpiry')
                  : t(expired ? 'products.batches.expired' : 'products.batches.expires', {
                      date: formatCalendarDate(batch.expiresOn, i18n.language),
                    })}
              </span>
              <span className="tabular-nums text-slate-900">{batch.onHand}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
