import { Suspense, lazy, useEffect } from 'react';
import type { Session } from '@opentill/domain';
import { CartView } from './CartView';
import { useSaleFlow } from './saleFlowStore';

// Payment and the slip load after the first screen (its 180 KB budget), fetched
// as soon as the till is idle so the first "Pay" does not wait for them; the
// service worker keeps them for offline use like every other file.
const loadPayment = () => import('./PaymentScreen');
const loadSaleDone = () => import('./SaleDoneScreen');
const PaymentScreen = lazy(() => loadPayment().then((module) => ({ default: module.PaymentScreen })));
const SaleDoneScreen = lazy(() => loadSaleDone().then((module) => ({ default: module.SaleDoneScreen })));

/** The till: ring up a cart, take the cash, show the receipt. */
export function SellScreen({ session }: { session: Session }) {
  const flow = useSaleFlow((state) => state.flow);
  useEffect(() => {
    void loadPayment();
    void loadSaleDone();
  }, []);
  switch (flow.step) {
    case 'cart':
      return <CartView />;
    case 'payment':
      return (
        <Suspense fallback={null}>
          {/* Cash rounding (SPEC R1) is a shop setting; until shop settings exist, every shop pays exact totals. */}
          <PaymentScreen roundCash={false} />
        </Suspense>
      );
    case 'done':
      return (
        <Suspense fallback={null}>
          <SaleDoneScreen sale={flow.sale} shopName={session.tenant.businessName} />
        </Suspense>
      );
  }
}
