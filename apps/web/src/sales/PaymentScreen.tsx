import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cashChange, formatRands, parseRands, saleTotal } from '@opentill/domain';
import { isStorageFullError, recordSale } from '../db';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { BackIcon } from '../ui/icons';
import { buildCashSale } from './buildSale';
import { useCart } from './cartStore';
import { centsToInput, quickCashAmounts } from './quickCash';
import { useSaleFlow } from './saleFlowStore';

/** Cash: type or tap what the customer handed over; the change shows as you go. */
export function PaymentScreen() {
  const { t } = useTranslation();
  const lines = useCart((state) => state.lines);
  const clearCart = useCart((state) => state.clear);
  const backToCart = useSaleFlow((state) => state.backToCart);
  const finish = useSaleFlow((state) => state.finish);
  const [input, setInput] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const savingRef = useRef(false);

  const total = saleTotal(lines);
  const tendered = input.trim() === '' ? null : parseRands(input);
  const change = tendered === null ? null : cashChange(total, tendered);
  const inputError =
    input.trim() !== '' && tendered === null
      ? t('sales.payment.invalidAmount')
      : tendered !== null && change === null
        ? t('sales.payment.tooLittle')
        : undefined;
  const canConfirm = lines.length > 0 && tendered !== null && change !== null && !saving;

  async function confirm() {
    if (tendered === null || savingRef.current) return;
    savingRef.current = true; // a double tap must not record the sale twice
    setSaving(true);
    setSaveError(null);
    try {
      const sale = buildCashSale(lines, tendered);
      // "Paid" only after the sale and its outbox entry are on disk (ARCHITECTURE "Sync" 1).
      const recorded = await recordSale(sale);
      clearCart();
      finish(recorded);
      requestSync(); // in the background: the customer does not wait for the network
    } catch (error) {
      console.error('Sale not recorded', error);
      // Nothing was written and the cart stays: the cashier can free space and confirm again.
      setSaveError(
        isStorageFullError(error)
          ? t('sales.payment.storageFull')
          : t('sales.payment.saveFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
      savingRef.current = false;
      setSaving(false);
    }
  }

  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-1 border-b border-slate-200 bg-white px-1 py-1">
        <Button variant="ghost" onClick={backToCart} aria-label={t('sales.payment.back')} className="w-12 px-0">
          <BackIcon />
        </Button>
        <h2 className="text-lg font-bold text-slate-900">{t('sales.payment.title')}</h2>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
        <div className="rounded-2xl bg-white p-4 text-center shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-500">{t('sales.payment.amountDue')}</p>
          <p className="text-4xl font-bold text-slate-900 tabular-nums">{formatRands(total)}</p>
        </div>

        <label className="mt-4 block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t('sales.payment.tendered')}</span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            placeholder={t('sales.payment.tenderedPlaceholder')}
            aria-invalid={inputError ? true : undefined}
            data-testid="tendered-input"
            className={`block min-h-14 w-full rounded-xl border bg-white px-4 text-right text-2xl font-semibold tabular-nums outline-none focus:ring-2 ${
              inputError
                ? 'border-red-500 focus:ring-red-200'
                : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
            }`}
          />
          {inputError ? <span className="mt-1 block text-sm text-red-700">{inputError}</span> : null}
        </label>

        <p className="mt-4 mb-2 text-sm font-medium text-slate-700">{t('sales.payment.quickCash')}</p>
        <div className="grid grid-cols-3 gap-2">
          {quickCashAmounts(total).map((amount, index) => (
            <Button
              key={amount}
              variant={tendered === amount ? 'primary' : 'secondary'}
              onClick={() => setInput(centsToInput(amount))}
              className="px-1 tabular-nums"
            >
              {index === 0 ? t('sales.payment.exact') : formatRands(amount)}
            </Button>
          ))}
        </div>

        <div className="mt-4 flex items-baseline justify-between rounded-2xl bg-brand-50 px-4 py-3 ring-1 ring-brand-100">
          <span className="font-medium text-brand-900">{t('sales.payment.change')}</span>
          <span data-testid="change-amount" className="text-3xl font-bold text-brand-900 tabular-nums">
            {change === null ? '—' : formatRands(change)}
          </span>
        </div>

        {saveError ? (
          <p
            role="alert"
            data-testid="sale-save-error"
            className="mt-4 rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200"
          >
            {saveError}
          </p>
        ) : null}
      </div>

      <div className="border-t border-slate-200 bg-white px-3 py-2">
        <Button
          large
          disabled={!canConfirm}
          onClick={() => void confirm()}
          data-testid="confirm-payment"
          className="w-full text-xl"
        >
          {saving ? t('sales.payment.saving') : t('sales.payment.confirm')}
        </Button>
      </div>
    </div>
  );
}
