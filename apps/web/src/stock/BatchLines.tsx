import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isExpired, shopDateOf } from '@opentill/domain';
import { formatCalendarDate } from '../i18n/format';

export interface BatchLine {
  key: string;
  lot: string;
  expiresOn: string | null;
  onHand: number;
}

interface BatchLinesProps<T extends BatchLine> {
  batches: readonly T[];
  testId: string;
  /** What an expired batch's line offers besides its figures (e.g. "Write off"). */
  expiredAction?: ((batch: T) => ReactNode) | undefined;
}

/** Batches as listed on a product's page: lot, expiry (the expired ones marked, BT2) and units. */
export function BatchLines<T extends BatchLine>({ batches, testId, expiredAction }: BatchLinesProps<T>) {
  const { t, i18n } = useTranslation();
  const today = shopDateOf(new Date());
  return (
    <ul className="mt-1 divide-y divide-slate-100" data-testid={testId}>
      {batches.map((batch) => {
        const expired = isExpired(batch, today);
        return (
          <li
            key={batch.key}
            className="flex flex-wrap items-center justify-between gap-x-2 py-1.5 text-sm"
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
            {expired && expiredAction ? expiredAction(batch) : null}
          </li>
        );
      })}
    </ul>
  );
}
