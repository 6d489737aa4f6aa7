import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefundDestination } from '@opentill/domain';
import type { RefundDraft } from './refundDraft';

const REASONS = ['changedMind', 'damaged', 'wrongItem', 'expired'] as const;

interface RefundOptionsProps {
  draft: RefundDraft;
  /** The original tenders the money would go back to, in words; null before anything is picked. */
  original: string | null;
  /** Store credit is offered only for a sale made to a customer. */
  storeCredit: boolean;
  onChange: (update: (draft: RefundDraft) => RefundDraft) => void;
}

/** Where the money goes, what happens to the goods, and why they came back. */
export function RefundOptions({ draft, original, storeCredit, onChange }: RefundOptionsProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const destinations: RefundDestination[] = storeCredit ? ['original', 'cash', 'store_credit'] : ['original', 'cash'];
  return (
    <div className="mt-4 flex flex-col gap-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('refunds.where')}</legend>
        <div className="mt-1 flex flex-col gap-1">
          {destinations.map((destination) => (
            <Choice
              key={destination}
              name="destination"
              checked={draft.destination === destination}
              onChange={() => onChange((current) => ({ ...current, destination }))}
              label={
                destination === 'original'
                  ? t('refunds.destination.original', { parts: original ?? '…' })
                  : t(`refunds.destination.${destination}`)
              }
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('refunds.stock')}</legend>
        <div className="mt-1 flex flex-col gap-1">
          <Choice
            name="restock"
            checked={draft.restock}
            onChange={() => onChange((current) => ({ ...current, restock: true }))}
            label={t('refunds.restock')}
          />
          <Choice
            name="restock"
            checked={!draft.restock}
            onChange={() => onChange((current) => ({ ...current, restock: false }))}
            label={t('refunds.writeOff')}
          />
        </div>
      </fieldset>
      <div>
        <label htmlFor={reasonId} className="text-sm font-medium text-slate-700">
          {t('refunds.reason')}
        </label>
        <div className="mt-1 flex flex-wrap gap-2">
          {REASONS.map((reason) => {
            const text = t(`refunds.reasons.${reason}`);
            return (
              <button
                key={reason}
                type="button"
                aria-pressed={draft.reason === text}
                onClick={() => onChange((current) => ({ ...current, reason: text }))}
                className={`min-h-11 rounded-full px-4 text-sm font-medium ring-1 ${
                  draft.reason === text
                    ? 'bg-brand-700 text-white ring-brand-700'
                    : 'bg-white text-slate-700 ring-slate-300'
                }`}
              >
                {text}
              </button>
            );
          })}
        </div>
        <input
          id={reasonId}
          value={draft.reason}
          maxLength={200}
          placeholder={t('refunds.otherReason')}
          onChange={(event) => {
            const reason = event.target.value;
            onChange((current) => ({ ...current, reason }));
          }}
          className="mt-2 min-h-12 w-full rounded-xl bg-white px-3 text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600 focus:outline-none"
        />
      </div>
    </div>
  );
}

function Choice({
  name,
  checked,
  onChange,
  label,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
}) {
  return (
    <label className="flex min-h-12 items-center gap-3 rounded-xl bg-white px-3 ring-1 ring-slate-200">
      <input type="radio" name={name} checked={checked} onChange={onChange} className="size-5 accent-brand-700" />
      <span className="text-slate-800">{label}</span>
    </label>
  );
}
