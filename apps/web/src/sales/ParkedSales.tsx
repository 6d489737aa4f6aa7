import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCart } from './cartStore';

// The sheet loads on first use: the first screen's budget.
const ParkedSalesSheet = lazy(() =>
  import('./ParkedSalesSheet').then((module) => ({ default: module.ParkedSalesSheet })),
);

/**
 * Park the sale to serve the next customer, and bring it back later (SPEC C8,
 * C9). Parked sales stay on the phone through a reload or a flat battery.
 */
export function ParkedSales() {
  const { t } = useTranslation();
  const cart = useCart((state) => state.cart);
  const parked = useCart((state) => state.parked);
  const [open, setOpen] = useState<'park' | 'list' | null>(null);

  return (
    <>
      {cart.lines.length > 0 ? (
        <button
          type="button"
          onClick={() => setOpen('park')}
          data-testid="park-sale"
          className="min-h-11 px-2 text-sm font-medium text-brand-800"
        >
          {t('sales.parked.park')}
        </button>
      ) : null}
      {parked.length > 0 ? (
        <button
          type="button"
          onClick={() => setOpen('list')}
          data-testid="parked-sales"
          className="min-h-11 px-2 text-sm font-medium text-brand-800"
        >
          {t('sales.parked.count', { count: parked.length })}
        </button>
      ) : null}
      {open ? (
        <Suspense fallback={null}>
          <ParkedSalesSheet open={open} onClose={() => setOpen(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
