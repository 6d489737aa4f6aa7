import { Suspense, lazy, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cartTotals,
  cents,
  checkoutSale,
  dueFor,
  formatRands,
  vatDocumentKind,
  type DocumentParties,
  type Tender,
} from '@opentill/domain';
import { isStorageFullError, recordSale, useLiveOpenShift } from '../db';
import { loadReceiptStrings } from '../i18n';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { BackIcon } from '../ui/icons';
import { newSaleLocalId } from './buildSale';
import { EMPTY_BUYER, buyerFromDraft, type BuyerDraft } from './buyerDraft';
import { useCart } from './cartStore';
import {
  offeredMethods,
  remainingAfter,
  tenderFromDraft,
  withinCustomerLimits,
  type TenderDraft,
} from './paymentDraft';
import { CustomerAtTill } from './CustomerAtTill';
import { useCustomerLimits } from './customerLimitsStore';
import { TenderEntry } from './TenderEntry';
import { TenderList } from './TenderList';
import { useSaleFlow } from './saleFlowStore';
import { whenIdle } from './whenIdle';

// VD4: asked only of a VAT-registered shop's sale above R 5 000, so it loads (with its strings) only then.
const BuyerFields = lazy(() =>
  Promise.all([import('./BuyerFields'), loadReceiptStrings()]).then(([module]) => ({ default: module.BuyerFields })),
);

const NOT_REGISTERED: DocumentParties['supplier'] = { name: '', address: null, vatNumber: null };

/**
 * Payment: one tender, or a split of several (SPEC P1–P5). The cashier enters a
 * part at a time; the last part, which covers the rest, records the sale.
 * `roundCash` is the shop's cash rounding (R1). `shop`: what its tax invoices name; a
 * VAT-registered shop's sale above R 5 000 names its buyer too (VD4), asked here.
 */
export function PaymentScreen({
  roundCash,
  shop = NOT_REGISTERED,
}: {
  roundCash: boolean;
  shop?: DocumentParties['supplier'];
}) {
  const { t } = useTranslation();
  const cart = useCart((state) => state.cart);
  const clearCart = useCart((state) => state.clear);
  const backToCart = useSaleFlow((state) => state.backToCart);
  const finish = useSaleFlow((state) => state.finish);
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [draft, setDraft] = useState<TenderDraft>({ method: 'cash', input: '', reference: '', provider: 'snapscan' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [buyerDraft, setBuyerDraft] = useState<BuyerDraft>(EMPTY_BUYER);
  const savingRef = useRef(false);
  const shift = useLiveOpenShift();
  // P5, CU1, CU5: the book and store credit only for an attached customer, within their room and credit.
  const customerLimits = useCustomerLimits(cart.customerId);

  // The draft's method counts: a sale is rounded only when all of it is cash (R1).
  const due = dueFor(cart, [...tenders, { method: draft.method }], roundCash);
  const remaining = remainingAfter(due, tenders);
  const entered = withinCustomerLimits(tenderFromDraft(draft, remaining), tenders, customerLimits);
  const covers = 'tender' in entered && entered.tender.amount === remaining;
  const buyer = buyerFromDraft(
    buyerDraft,
    vatDocumentKind(cartTotals(cart.lines).total, shop.vatNumber !== null),
    shop,
  );
  const buyerReady = buyer === null || 'buyer' in buyer;
  const methods = offeredMethods(customerLimits);

  function addPart() {
    if (!('tender' in entered) || covers) return;
    setTenders([...tenders, entered.tender]);
    setDraft({ ...draft, input: '', reference: '' });
  }

  async function confirm() {
    if (!('tender' in entered) || !covers || !buyerReady || savingRef.current) return;
    savingRef.current = true; // a double tap must not record the sale twice
    setSaving(true);
    setSaveError(null);
    try {
      const checkout = checkoutSale({
        cart,
        tenders: [...tenders, entered.tender],
        roundCash,
        localId: newSaleLocalId(),
        ...(shift && { shiftId: shift.localId }),
        ...(buyer && 'buyer' in buyer && { buyer: buyer.buyer }),
        createdAt: new Date().toISOString(),
      });
      if ('problems' in checkout) throw new Error(checkout.problems.join(' '));
      // "Paid" only after the sale and its outbox entry are on disk (ARCHITECTURE "Sync" 1).
      const recorded = await recordSale(checkout.sale);
      clearCart();
      finish(recorded);
      // In the background, once the slip is on screen: the customer waits neither for the network nor
      // for the sync's own work on the phone (issue 5: "Pay" to receipt).
      whenIdle(requestSync);
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

      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        <div className="rounded-2xl bg-white p-3 text-center shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-500">
            {tenders.length > 0 ? t('sales.payment.stillDue') : t('sales.payment.amountDue')}
          </p>
          <p data-testid="amount-due" className="text-4xl font-bold text-slate-900 tabular-nums">
            {formatRands(remaining)}
          </p>
          {due !== cartTotals(cart.lines).total ? (
            <p className="text-sm text-slate-500">{t('sales.payment.rounded')}</p>
          ) : null}
        </div>

        <CustomerAtTill />
        <TenderList tenders={tenders} onRemove={(index) => setTenders(tenders.filter((_, i) => i !== index))} />
        <TenderEntry methods={methods} draft={draft} remaining={remaining} entered={entered} onChange={setDraft} />
        {buyer ? (
          <Suspense fallback={null}>
            <BuyerFields
              draft={buyerDraft}
              problems={'problems' in buyer ? buyer.problems : []}
              onChange={setBuyerDraft}
            />
          </Suspense>
        ) : null}

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
        {covers || !('tender' in entered) ? (
          <Button
            large
            disabled={!covers || !buyerReady || saving}
            onClick={() => void confirm()}
            data-testid="confirm-payment"
            className="w-full text-xl"
          >
            {saving ? t('sales.payment.saving') : t('sales.payment.confirm')}
          </Button>
        ) : (
          <Button large onClick={addPart} data-testid="add-tender" className="w-full text-xl">
            {t('sales.payment.addPart', {
              amount: formatRands(cents(entered.tender.amount)),
              method: t(`sales.methods.${entered.tender.method}`),
            })}
          </Button>
        )}
      </div>
    </div>
  );
}
