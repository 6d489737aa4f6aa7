import { useTranslation } from 'react-i18next';
import { cents, formatRands, receiptNumber } from '@opentill/domain';
import { useLiveRecentSales } from '../db/refunds';
import { useLiveReceiptPrefix, type LocalSale } from '../db';
import { formatDateTime } from '../i18n/format';

/** This phone's latest sales, newest first, with what was refunded of each here; tap one to refund it. */
export function RecentSales({ onPick }: { onPick: (sale: LocalSale) => void }) {
  const { t, i18n } = useTranslation();
  const sales = useLiveRecentSales();
  const prefix = useLiveReceiptPrefix();
  if (!sales) return null;
  return (
    <section aria-label={t('refunds.recent')} className="mt-4">
      <h2 className="text-sm font-medium text-slate-700">{t('refunds.recent')}</h2>
      {sales.length === 0 ? <p className="mt-2 text-slate-500">{t('refunds.none')}</p> : null}
      <ul className="mt-2 flex flex-col gap-1">
        {sales.map(({ sale, refunded }) => (
          <li key={sale.localId}>
            <button
              type="button"
              data-testid="recent-sale"
              onClick={() => onPick(sale)}
              className="flex min-h-14 w-full items-center gap-3 rounded-xl bg-white px-3 py-2 text-left ring-1 ring-slate-200 active:bg-brand-50"
            >
              <span className="min-w-0 flex-1">
                <span className="block font-mono font-semibold text-slate-900">
                  {sale.chain && prefix ? receiptNumber(prefix, sale.chain.seq) : t('refunds.noNumber')}
                </span>
                <span className="block truncate text-sm text-slate-500">
                  {formatDateTime(sale.createdAt, i18n.language)} · {sale.items.map((item) => item.name).join(', ')}
                </span>
              </span>
              <span className="text-right">
                <span className="block font-semibold tabular-nums">{formatRands(cents(sale.totalAmount))}</span>
                {refunded > 0 ? (
                  <span className="block text-xs font-medium text-amber-700">
                    {t('refunds.refunded', { amount: formatRands(cents(refunded)) })}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
