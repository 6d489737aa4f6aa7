import { Suspense, lazy, useEffect } from 'react';
import type { Session } from '@opentill/domain';
import { useLiveReceiptPrefix, useLiveShopSettings } from '../db';
import { loadLaterStrings } from '../i18n';
import { CartView } from './CartView';
import { useSaleFlow } from './saleFlowStore';

// Payment and the slip load after the first screen (its 180 KB budget), with their strings
// (enLater.ts); the service worker keeps them for offline use like every other file.
const loadPayment = () => Promise.all([import('./PaymentScreen'), loadLaterStrings()]).then(([module]) => module);
const loadSaleDone = () => Promise.all([import('./SaleDoneScreen'), loadLaterStrings()]).then(([module]) => module);
const PaymentScreen = lazy(() => loadPayment().then((module) => ({ default: module.PaymentScreen })));
const SaleDoneScreen = lazy(() => loadSaleDone().then((module) => ({ default: module.SaleDoneScreen })));

/**
 * Fetches the payment and slip screens once the till is idle, so the first "Pay" does not wait
 * for them, yet the first screen's own start (the catalogue read, the first sync) does not
 * share the phone with fetching and compiling them.
 */
function preloadWhenIdle(): () => void {
  const preload = () => {
    void loadPayment();
    void loadSaleDone();
  };
  if (typeof window.requestIdleCallback === 'function') {
    // The timeout: a till kept busy (a first pull of a large catalogue) still gets them.
    const id = window.requestIdleCallback(preload, { timeout: 5000 });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(preload, 1000); // Safari has no requestIdleCallback
  return () => clearTimeout(timer);
}

/** The till: ring up a cart, take the cash, show the receipt. */
export function SellScreen({ session }: { session: Session }) {
  const flow = useSaleFlow((state) => state.flow);
  const settings = useLiveShopSettings();
  // Read while the cart is rung up, so the slip's number is there the moment it shows (RC1).
  const receiptPrefix = useLiveReceiptPrefix();
  useEffect(() => preloadWhenIdle(), []);
  switch (flow.step) {
    case 'cart':
      return <CartView />;
    case 'payment':
      return (
        <Suspense fallback={null}>
          {/* Cash rounding (SPEC R1) is a shop setting; until shop settings exist, every shop pays exact totals. */}
          <PaymentScreen
            roundCash={settings?.cashRounding ?? false}
            shop={{
              name: session.tenant.businessName,
              address: settings?.address ?? null,
              vatNumber: settings?.vatNumber ?? null,
            }}
          />
        </Suspense>
      );
    case 'done':
      return (
        <Suspense fallback={null}>
          <SaleDoneScreen
            sale={flow.sale}
            shopName={session.tenant.businessName}
            deviceId={session.device.id}
            receiptPrefix={receiptPrefix ?? null}
          />
        </Suspense>
      );
  }
}
