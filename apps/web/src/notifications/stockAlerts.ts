import { useEffect, useState } from 'react';
import { lowStockAlerts, type StockAlert } from '@opentill/domain';
import { useCatalogue, useLiveActingUser, useLiveStockShown } from '../db';
import { productAccessOf } from '../products/productAccess';
import { whenIdle } from '../sales/whenIdle';

/**
 * The stock alerts (SPEC AL) as this phone shows them, live: the catalogue and the figures shown
 * here (the server's with this phone's pending sales, deliveries and counts on top), so they hold
 * offline and move with every sale rung up. Undefined while either is loading.
 */
export function useStockAlerts(): StockAlert[] | undefined {
  const products = useCatalogue();
  const stock = useLiveStockShown();
  const [alerts, setAlerts] = useState<StockAlert[]>();
  // Worked out when the till is idle, within a second: going over 20,000 products after every sale
  // must not slow the slip, the next scan or a keystroke (issue 5's budgets); a bell a moment late is fine.
  useEffect(() => {
    if (!products || !stock) return;
    let current = true;
    whenIdle(() => {
      if (current) setAlerts(lowStockAlerts(products, stock));
    }, 1000);
    return () => {
      current = false;
    };
  }, [products, stock]);
  return alerts;
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
