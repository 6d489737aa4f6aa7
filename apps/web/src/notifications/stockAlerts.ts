import { useLiveActingUser } from '../db';
import { productAccessOf } from '../products/productAccess';

/**
 * Who sees the stock alerts (SPEC AL4): first-screen code, as the Shell decides whether to load the
 * bell. The alerts themselves are worked out in `useStockAlerts.ts`, which loads with the bell.
 */

/** AL4: the alerts are for the people who work with stock: those who receive deliveries or edit products. */
export function maySeeStockAlerts(role: Parameters<typeof productAccessOf>[0]): boolean {
  const access = productAccessOf(role);
  return access.receive || access.write;
}

/** Whether the person acting on this phone now sees the bell (AL4). */
export function useStockAlertAccess(): boolean {
  return maySeeStockAlerts(useLiveActingUser()?.role ?? null);
}
