import { useTranslation } from 'react-i18next';
import { cartTotals, formatRands } from '@opentill/domain';
import { Button } from '../ui/Button';
import { ShiftBar } from '../shifts/ShiftBar';
import { CartPanel } from './CartPanel';
import { ProductFinder } from './ProductFinder';
import { useCart } from './cartStore';
import { useSaleFlow } from './saleFlowStore';

/**
 * Search and grid on top, the cart below, and the Pay button where the thumb rests.
 * This component holds no state: each part subscribes to what it shows, so typing
 * re-renders the finder only and ringing up a line the cart, the grid's counts and Pay.
 */
export function CartView() {
  return (
    <div className="flex h-full flex-col">
      <ShiftBar />
      <ProductFinder />
      <CartPanel />
      <PayButton />
    </div>
  );
}

function PayButton() {
  const { t } = useTranslation();
  // Numbers, not the lines: unchanged totals do not render the button again.
  const total = useCart((state) => cartTotals(state.cart.lines).total);
  const empty = useCart((state) => state.cart.lines.length === 0);
  const startPayment = useSaleFlow((state) => state.startPayment);
  return (
    <div className="border-t border-slate-200 bg-white px-3 py-2">
      <Button large disabled={empty} onClick={startPayment} data-testid="pay-button" className="w-full text-xl">
        {t('sales.pay', { amount: formatRands(total) })}
      </Button>
    </div>
  );
}
