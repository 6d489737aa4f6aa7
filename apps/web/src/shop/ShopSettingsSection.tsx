import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettingsPatch } from '@opentill/domain';
import { saveShopSettings, useLiveShopSettings } from '../db';
import { staffFailureMessage } from '../staff/staffFailureMessage';
import { ReceiptDetailsForm } from './ReceiptDetailsForm';
import { changeShopSettings } from './shopSettingsApi';

/**
 * The owner's shop settings (SPEC SS): cash rounding and what receipts name (VAT number, address,
 * phone). Changed online, like staff: the server keeps the shop's one value and every till follows
 * it from its next sync.
 */
export function ShopSettingsSection() {
  const { t } = useTranslation();
  const settings = useLiveShopSettings();
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  async function change(patch: ShopSettingsPatch) {
    setSaving(true);
    setMessage(null);
    const result = await changeShopSettings(patch);
    if (result.ok) {
      await saveShopSettings(result.value);
      setMessage({ text: t('shopSettings.saved'), failed: false });
    } else {
      const { failure } = result;
      const reason =
        failure.kind === 'offline'
          ? t('shopSettings.offline')
          : failure.kind === 'server' || failure.kind === 'forbidden'
            ? failure.message
            : staffFailureMessage(failure, t);
      setMessage({ text: t('shopSettings.failed', { message: reason }), failed: true });
    }
    setSaving(false);
  }

  if (!settings) return null;
  return (
    <section aria-labelledby="shop-settings-title" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h3 id="shop-settings-title" className="text-lg font-bold text-slate-900">
        {t('shopSettings.title')}
      </h3>
      <label className="mt-3 flex min-h-12 items-center gap-3 text-base font-medium text-slate-800">
        <input
          type="checkbox"
          checked={settings.cashRounding}
          disabled={saving}
          onChange={(event) => void change({ cashRounding: event.target.checked })}
          data-testid="setting-cash-rounding"
          className="size-5 accent-brand-700"
        />
        {t('shopSettings.cashRounding')}
      </label>
      <p className="text-sm text-slate-600">{t('shopSettings.cashRoundingHelp')}</p>
      <ReceiptDetailsForm settings={settings} saving={saving} onSave={(patch) => void change(patch)} />
      {message ? (
        <p
          role={message.failed ? 'alert' : 'status'}
          data-testid="shop-settings-message"
          className={`mt-3 text-sm ${message.failed ? 'text-red-700' : 'text-brand-800'}`}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
