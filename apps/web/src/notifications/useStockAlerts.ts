import { useEffect, useState } from 'react';
import { shopDateOf, stockAlerts, type StockAlert } from '@opentill/domain';
import { useCatalogue, useLiveBatchesWithStock, useLiveStockShown } from '../db';
import { whenIdle } from '../sales/whenIdle';

/** How often the shop's date is looked at again: a batch expires, or enters the window, at midnight. */
const DAY_CHECK_MS = 60_000;

/** The shop's calendar date (BT1), following midnight while the app stays open. */
export function useShopToday(): string {
  const [today, setToday] = useState(() => shopDateOf(new Date()));
  useEffect(() => {
    // The same string sets no new state: no render until the date turns.
    const timer = setInterval(() => setToday(shopDateOf(new Date())), DAY_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * The stock alerts (SPEC AL) as this phone shows them, live: low stock from the catalogue and the
 * figures shown here (the server's with this phone's pending sales, deliveries and counts on top),
 * expiry from the branch's batches as last pulled (AL6), so they hold offline and move with every
 * sale rung up, every pull and the turn of the day. Undefined while any is loading. Loaded with the
 * bell, not on the till's first screen.
 */
export function useStockAlerts(): StockAlert[] | undefined {
  const products = useCatalogue();
  const stock = useLiveStockShown();
  const batches = useLiveBatchesWithStock();
  const today = useShopToday();
  const [alerts, setAlerts] = useState<StockAlert[]>();
  // Worked out when the till is idle, within a second: going over 20,000 products after every sale
  // must not slow the slip, the next scan or a keystroke (issue 5's budgets); a bell a moment late is fine.
  useEffect(() => {
    if (!products || !stock || !batches) return;
    let current = true;
    whenIdle(() => {
      if (current) setAlerts(stockAlerts(products, stock, batches, today));
    }, 1000);
    return () => {
      current = false;
    };
  }, [products, stock, batches, today]);
  return alerts;
}
