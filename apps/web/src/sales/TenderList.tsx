import { useTranslation } from 'react-i18next';
import { cents, formatRands, type Tender } from '@opentill/domain';

/** The parts of a split payment entered so far, each removable until the sale is recorded. */
export function TenderList({ tenders, onRemove }: { tenders: readonly Tender[]; onRemove: (index: number) => void }) {
  const { t } = useTranslation();
  if (tenders.length === 0) return null;
  return (
    <ul aria-label={t('sales.payment.parts')} className="mt-3 flex flex-col gap-1">
      {tenders.map((tender, index) => (
        <li
          key={index}
          data-testid="tender-part"
          className="flex items-center justify-between rounded-xl bg-white px-3 py-1 ring-1 ring-slate-200"
        >
          <span className="text-sm text-slate-700">
            {t(`sales.methods.${tender.method}`)}
            {tender.reference ? ` · ${tender.reference}` : ''}
          </span>
          <span className="flex items-center gap-2">
            <span className="font-semibold tabular-nums">{formatRands(cents(tender.amount))}</span>
            <button
              type="button"
              onClick={() => onRemove(index)}
              className="min-h-11 px-2 text-sm font-medium text-slate-500"
            >
              {t('sales.payment.removePart')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
