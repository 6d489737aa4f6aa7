import type { Session } from '@opentill/domain';
import { CartView } from './CartView';
import { PaymentScreen } from './PaymentScreen';
import { SaleDoneScreen } from './SaleDoneScreen';
import { useSaleFlow } from './saleFlowStore';

/** The till: ring up a cart, take the cash, show the receipt. */
export function SellScreen({ session }: { session: Session }) {
  const flow = useSaleFlow((state) => state.flow);
  switch (flow.step) {
    case 'cart':
      return <CartView />;
    case 'payment':
      // Cash rounding (SPEC R1) is a shop setting; until shop settings exist, every shop pays exact totals.
      return <PaymentScreen roundCash={false} />;
    case 'done':
      return <SaleDoneScreen sale={flow.sale} shopName={session.tenant.businessName} />;
  }
}
