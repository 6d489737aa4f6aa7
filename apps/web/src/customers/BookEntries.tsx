import { useTranslation } from 'react-i18next';
import { cents, formatRands, type BookEntry } from '@opentill/domain';
import { formatDateTime } from '../i18n/format';

/** The book, oldest first: what was bought on it, paid and refunded, and what was owed after each. */
export function BookEntries({ entries, fromServer }: { entries: readonly BookEntry[]; fromServer: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h3 className="font-bold text-slate-900">{t('customers.book.title')}</h3>
      <p data-testid="book-source" className="text-sm text-slate-500">
        {fromServer ? t('customers.book.fromServer') : t('customers.book.fromPhone')}
      </p>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-600">{t('customers.book.empty')}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100" data-testid="book-entries">
          {entries.map((entry) => (
            <li key={`${entry.kind}:${entry.reference}`} className="flex items-baseline gap-2 py-2">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-800">{t(`customers.book.${entry.kind}`)}</p>
                <p className="text-xs text-slate-500">{formatDateTime(entry.at, i18n.language)}</p>
              </div>
              <div className="text-right tabular-nums">
                <p className={entry.amount > 0 ? 'font-semibold text-slate-900' : 'font-semibold text-green-700'}>
                  {entry.amount > 0 ? '' : '−'}
                  {formatRands(cents(Math.abs(entry.amount)))}
                </p>
                <p className="text-xs text-slate-500">
                  {t('customers.book.balanceAfter', { amount: formatRands(cents(Math.max(entry.balance, 0))) })}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
