import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands, lineTotal, receiptNumber, tendersOf } from '@opentill/domain';
import type { LocalSale } from '../db';
import { intlLocale } from '../i18n';
import { LazyReceiptActions } from '../receipts/LazyReceiptActions';
import type { ReceiptSource } from '../receipts/receiptSource';
import { Button } from '../ui/Button';
import { CheckIcon } from '../ui/icons';
import { useSaleFlow } from './saleFlowStore';
import { whenIdle } from './whenIdle';

interface SaleDoneScreenProps {
  sale: LocalSale;
  shopName: string;
  /** This phone: the receipt code names it (RC2). */
  deviceId: string;
  /** This phone's receipt prefix (RC1): the slip's number is `<prefix>-<chain seq>`; null while it is read. */
  receiptPrefix: string | null;
}

/**
 * The slip's date and time, as `formatDateTime` words it, with one formatter per language: building
 * an Intl.DateTimeFormat takes milliseconds on a slow phone, and the slip follows every "Pay".
 */
const slipTimeFormats = new Map<string, Intl.DateTimeFormat>();
function slipTime(iso: string, language: string): string {
  let format = slipTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
    slipTimeFormats.set(language, format);
  }
  return format.format(new Date(iso));
}

/** Shown only once the sale is on disk: the big "Paid", the change to hand back, the slip. */
export function SaleDoneScreen({ sale, shopName, deviceId, receiptPrefix }: SaleDoneScreenProps) {
  const { t, i18n } = useTranslation();
  const backToCart = useSaleFlow((state) => state.backToCart);
  const change = cents(sale.change);
  const number = sale.chain && receiptPrefix ? receiptNumber(receiptPrefix, sale.chain.seq) : null;
  // The receipt actions come after "Paid" and the slip are painted: they never slow "Pay" (issue 5's budget).
  const [showActions, setShowActions] = useState(false);
  useEffect(() => whenIdle(() => setShowActions(true)), []);
  const source = useMemo<ReceiptSource>(
    () => ({ sale, deviceId, receiptNumber: number, cashier: sale.cashier?.name ?? null }),
    [sale, deviceId, number],
  );

  return (
    <div data-testid="sale-done" className="flex h-full flex-col">
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
        <div className="flex flex-col items-center gap-1 rounded-2xl bg-brand-700 px-4 py-5 text-white shadow-sm">
          <span className="flex size-14 items-center justify-center rounded-full bg-white text-brand-700">
            <CheckIcon className="size-9" />
          </span>
          <p className="text-3xl font-bold">{t('sales.done.paid')}</p>
          <p className="mt-1 text-brand-100">{change > 0 ? t('sales.done.changeDue') : t('sales.done.noChange')}</p>
          <p data-testid="change-amount" className={`font-bold tabular-nums ${change > 0 ? 'text-5xl' : 'text-2xl'}`}>
            {formatRands(change)}
          </p>
        </div>

        <section
          aria-label={t('sales.done.receipt')}
          className="mt-4 rounded-2xl bg-white p-4 font-mono text-sm text-slate-800 shadow-sm ring-1 ring-slate-200"
        >
          <p className="text-center text-base font-bold">{shopName}</p>
          <p className="text-center text-slate-500">{slipTime(sale.createdAt, i18n.language)}</p>
          {number ? (
            <p data-testid="receipt-number" className="text-center font-bold">
              {t('sales.done.receiptNumber', { number })}
            </p>
          ) : (
            <p className="text-center text-xs break-all text-slate-500">
              {t('sales.done.reference')}: {sale.localId}
            </p>
          )}
          {sale.cashier ? (
            <p data-testid="receipt-cashier" className="text-center text-slate-500">
              {t('sales.done.cashier', { name: sale.cashier.name })}
            </p>
          ) : null}
          <ul className="my-3 border-y border-dashed border-slate-300 py-2">
            {sale.items.map((item, index) => (
              <li key={index} className="py-0.5">
                <p className="truncate">{item.name}</p>
                <p className="flex justify-between text-slate-600">
                  <span>
                    {t('sales.done.line', { quantity: item.quantity, price: formatRands(cents(item.price)) })}
                  </span>
                  <span className="text-slate-800">{formatRands(lineTotal(item))}</span>
                </p>
              </li>
            ))}
          </ul>
          <ReceiptRow label={t('sales.done.total')} amount={sale.totalAmount} strong />
          {sale.vat !== undefined ? <ReceiptRow label={t('sales.done.vat')} amount={sale.vat} /> : null}
          {tendersOf(sale).map((tender, index) => (
            <ReceiptRow
              key={index}
              label={t(`sales.methods.${tender.method}`)}
              amount={tender.method === 'cash' ? (tender.tendered ?? tender.amount) : tender.amount}
            />
          ))}
          <ReceiptRow label={t('sales.done.change')} amount={sale.change} />
        </section>
        {/* Lazy, after "Paid": sending and printing the receipt never hold up the slip (RX). */}
        <Suspense fallback={null}>
          {showActions ? <LazyReceiptActions source={source} businessName={shopName} /> : null}
        </Suspense>
      </div>
      <div className="border-t border-slate-200 bg-white px-3 py-2">
        <Button large onClick={backToCart} data-testid="new-sale" className="w-full text-xl">
          {t('sales.done.newSale')}
        </Button>
      </div>
    </div>
  );
}

function ReceiptRow({ label, amount, strong = false }: { label: string; amount: number; strong?: boolean }) {
  return (
    <p className={`flex justify-between ${strong ? 'text-base font-bold' : ''}`}>
      <span>{label}</span>
      <span>{formatRands(cents(amount))}</span>
    </p>
  );
}
