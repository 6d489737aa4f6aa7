import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import type { BuyerDraft, BuyerProblem } from './buyerDraft';

interface BuyerFieldsProps {
  draft: BuyerDraft;
  problems: readonly BuyerProblem[];
  onChange: (draft: BuyerDraft) => void;
}

/** VD4: the buyer's name, address and (if registered) VAT number, asked for a sale above R 5 000 of a VAT-registered shop. */
export function BuyerFields({ draft, problems, onChange }: BuyerFieldsProps) {
  const { t } = useTranslation();
  const set = (key: keyof BuyerDraft) => (event: { target: { value: string } }) =>
    onChange({ ...draft, [key]: event.target.value });
  return (
    <section
      aria-labelledby="buyer-title"
      data-testid="buyer-fields"
      className="mt-3 flex flex-col gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-amber-300"
    >
      <h3 id="buyer-title" className="text-base font-bold text-slate-900">
        {t('buyer.title')}
      </h3>
      <p className="text-sm text-slate-600">{t('buyer.help')}</p>
      <Field
        label={t('buyer.name')}
        value={draft.name}
        onChange={set('name')}
        maxLength={120}
        autoComplete="off"
        data-testid="buyer-name"
      />
      <Field
        label={t('buyer.address')}
        value={draft.address}
        onChange={set('address')}
        maxLength={300}
        autoComplete="off"
        data-testid="buyer-address"
      />
      <Field
        label={t('buyer.vatNumber')}
        value={draft.vatNumber}
        onChange={set('vatNumber')}
        inputMode="numeric"
        maxLength={12}
        autoComplete="off"
        data-testid="buyer-vat"
        error={problems.includes('vatNumber') && draft.vatNumber.trim() ? t('buyer.vatInvalid') : undefined}
      />
      {problems.includes('recipientName') || problems.includes('recipientAddress') ? (
        <p className="text-sm text-amber-800">{t('buyer.missing')}</p>
      ) : null}
    </section>
  );
}
