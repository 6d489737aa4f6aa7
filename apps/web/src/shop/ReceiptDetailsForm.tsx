import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettings, ShopSettingsPatch } from '@opentill/domain';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { receiptDetailsPatch, type ReceiptDetailsDraft } from './receiptDetails';

interface ReceiptDetailsFormProps {
  settings: ShopSettings;
  saving: boolean;
  onSave: (patch: ShopSettingsPatch) => void;
}

/**
 * What the shop's receipts name (VD6): its VAT number (empty: not registered, plain receipts), address
 * and phone. Saved with the owner's other settings; every till prints them from its next sync.
 */
export function ReceiptDetailsForm({ settings, saving, onSave }: ReceiptDetailsFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReceiptDetailsDraft>({
    vatNumber: settings.vatNumber ?? '',
    address: settings.address ?? '',
    phone: settings.phone ?? '',
  });
  const [shown, setShown] = useState(false);
  const checked = receiptDetailsPatch(draft);
  const problems = shown && 'problems' in checked ? checked.problems : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setShown(true);
    if ('patch' in checked) onSave(checked.patch);
  }

  const change = (key: keyof ReceiptDetailsDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-3 border-t border-slate-200 pt-4">
      <h4 className="text-base font-bold text-slate-900">{t('receiptSettings.title')}</h4>
      <p className="text-sm text-slate-600">{t('receiptSettings.taxInvoiceNote')}</p>
      <Field
        label={t('receiptSettings.vatNumber')}
        value={draft.vatNumber}
        onChange={change('vatNumber')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        data-testid="setting-vat-number"
        hint={t('receiptSettings.vatNumberHelp')}
        error={problems.includes('vatNumber') ? t('receiptSettings.vatNumberInvalid') : undefined}
      />
      <Field
        label={t('receiptSettings.address')}
        value={draft.address}
        onChange={change('address')}
        autoComplete="street-address"
        maxLength={200}
        data-testid="setting-address"
      />
      <Field
        label={t('receiptSettings.phone')}
        value={draft.phone}
        onChange={change('phone')}
        type="tel"
        autoComplete="tel"
        data-testid="setting-phone"
        error={problems.includes('phone') ? t('receiptSettings.phoneInvalid') : undefined}
      />
      <Button type="submit" disabled={saving} data-testid="setting-receipt-save">
        {saving ? t('receiptSettings.saving') : t('receiptSettings.save')}
      </Button>
    </form>
  );
}
