import { useMemo } from 'react';
import { lowStockAlerts, type StockAlert } from '@opentill/domain';
import { useCatalogue, useLiveActingUser, useLiveStockShown } from '../db';
import { productAccessOf } from '../products/productAccess';

/**
 * The stock alerts (SPEC AL) as this phone shows them, live: the catalogue and the figures shown
 * here (the server's with this phone's pending sales, deliveries and counts on top), so they hold
 * offline and move with every sale rung up. Undefined while either is loading.
 */
export function useStockAlerts(): StockAlert[] | undefined {
  const products = useCatalogue();
  const stock = useLiveStockShown();
  return useMemo(() => (products && stock ? lowStockAlerts(products, stock) : undefined), [products, stock]);
}

/** AL4: the alerts are for the people who work with stock: those who receive deliveries or edit products. */
export function maySeeStockAlerts(role: Parameters<typeof productAccessOf>[0]): boolean {
  const access = productAccessOf(role);
  return access.receive || access.write;
}

/** Whether the person acting on this phone now sees the bell (AL4). */
export function useStockAlertAccess(): boolean {
  return maySeeStockAlerts(useLiveActingUser()?.role ?? null);
}
