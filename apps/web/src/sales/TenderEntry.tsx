import { useTranslation } from 'react-i18next';
import { MOBILE_MONEY_PROVIDERS, cents, formatRands, type Cents, type TenderMethod } from '@opentill/domain';
import { Button } from '../ui/Button';
import type { DraftProblem, TenderDraft, tenderFromDraft } from './paymentDraft';
import { centsToInput, quickCashAmounts } from './quickCash';

interface TenderEntryProps {
  methods: readonly TenderMethod[];
  draft: TenderDraft;
  remaining: Cents;
  entered: ReturnType<typeof tenderFromDraft>;
  onChange: (draft: TenderDraft) => void;
}

/** The part being entered: its method, then cash received (with quick amounts) or an amount and reference. */
export function TenderEntry({ methods, draft, remaining, entered, onChange }: TenderEntryProps) {
  const { t } = useTranslation();
  const cash = draft.method === 'cash';
  const problem: DraftProblem | null = 'problem' in entered ? entered.problem : null;
  // An empty cash field is not yet a mistake.
  const shownProblem = problem === 'invalidAmount' && draft.input.trim() === '' ? null : problem;
  const change = 'tender' in entered && cash ? (entered.tender.tendered ?? 0) - entered.tender.amount : null;

  return (
    <div className="mt-3 flex flex-col gap-3">
      <div role="radiogroup" aria-label={t('sales.payment.method')} className="grid grid-cols-3 gap-2">
        {methods.map((method) => (
          <Button
            key={method}
            role="radio"
            aria-checked={draft.method === method}
            variant={draft.method === method ? 'primary' : 'secondary'}
            onClick={() => onChange({ ...draft, method, input: '' })}
            data-testid={`method-${method}`}
            className="px-1 text-sm"
          >
            {t(`sales.methods.${method}`)}
          </Button>
        ))}
      </div>

      {draft.method === 'mobile_money' ? (
        <label className="block text-sm font-medium text-slate-700">
          {t('sales.payment.provider')}
          <select
            value={draft.provider}
            onChange={(event) => onChange({ ...draft, provider: event.target.value as TenderDraft['provider'] })}
            data-testid="mobile-provider"
            className="mt-1 block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg"
          >
            {MOBILE_MONEY_PROVIDERS.map((provider) => (
              <option key={provider} value={provider}>
                {t(`sales.providers.${provider}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}

      <label className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">
          {cash ? t('sales.payment.tendered') : t('sales.payment.partAmount')}
        </span>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft.input}
          onChange={(event) => onChange({ ...draft, input: event.target.value })}
          placeholder={cash ? t('sales.payment.tenderedPlaceholder') : centsToInput(remaining)}
          aria-invalid={shownProblem ? true : undefined}
          data-testid="tendered-input"
          className={`block min-h-14 w-full rounded-xl border bg-white px-4 text-right text-2xl font-semibold tabular-nums outline-none focus:ring-2 ${
            shownProblem
              ? 'border-red-500 focus:ring-red-200'
              : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
          }`}
        />
        {shownProblem ? (
          <span data-testid="tender-problem" className="mt-1 block text-sm text-red-700">
            {t(`sales.payment.problems.${shownProblem}`)}
          </span>
        ) : null}
      </label>

      {cash ? (
        <>
          <div className="grid grid-cols-3 gap-2">
            {quickCashAmounts(remaining).map((amount, index) => (
              <Button
                key={amount}
                variant="secondary"
                onClick={() => onChange({ ...draft, input: centsToInput(amount) })}
                className="px-1 tabular-nums"
              >
                {index === 0 ? t('sales.payment.exact') : formatRands(amount)}
              </Button>
            ))}
          </div>
          <div className="flex items-baseline justify-between rounded-2xl bg-brand-50 px-4 py-3 ring-1 ring-brand-100">
            <span className="font-medium text-brand-900">{t('sales.payment.change')}</span>
            <span data-testid="change-amount" className="text-3xl font-bold text-brand-900 tabular-nums">
              {change === null ? '—' : formatRands(cents(change))}
            </span>
          </div>
        </>
      ) : (
        <label className="block text-sm font-medium text-slate-700">
          {t('sales.payment.reference')}
          <input
            value={draft.reference}
            maxLength={64}
            autoComplete="off"
            onChange={(event) => onChange({ ...draft, reference: event.target.value })}
            data-testid="tender-reference"
            className="mt-1 block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg"
          />
        </label>
      )}
    </div>
  );
}
