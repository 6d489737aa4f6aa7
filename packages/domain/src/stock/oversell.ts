import type { OversellPolicy } from './stock.js';

/** What the server knows of a product at a branch when it applies sales (ST2–ST5). */
export interface StockPosition {
  onHand: number;
  /** Untracked products record their movements but never conflict (ST5). */
  tracked: boolean;
  policy: OversellPolicy;
}

export interface SaleDemand {
  items: readonly { productId: string; quantity: number }[];
}

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
}

export type StockVerdict =
  | { accepted: true; shortfalls: { productId: string; shortfall: number }[] }
  | { accepted: false; shortages: Shortage[] };

/** The units of each product a sale takes, with repeated lines added up. */
export function demandOf(sale: SaleDemand): Map<string, number> {
  const demand = new Map<string, number>();
  for (const { productId, quantity } of sale.items) demand.set(productId, (demand.get(productId) ?? 0) + quantity);
  return demand;
}

/** Units of `quantity` that `onHand` did not cover: 0 when it did. */
export function shortfallOf(onHand: number, quantity: number): number {
  return Math.min(quantity, Math.max(0, quantity - Math.max(onHand, 0)));
}

/**
 * Applies sales to stock positions in order, as the server does within one push
 * (ST2). A sale that would take a tracked `reject` product below zero is refused
 * whole and moves nothing (ST3); under `flag` it is kept and its shortfall
 * reported (ST4). `positions` is updated in place; products it does not hold
 * start untracked at zero (a product created on a device that has not arrived yet).
 */
export function judgeSales(positions: Map<string, StockPosition>, sales: readonly SaleDemand[]): StockVerdict[] {
  const position = (productId: string) => {
    let found = positions.get(productId);
    if (!found) {
      found = { onHand: 0, tracked: false, policy: 'flag' };
      positions.set(productId, found);
    }
    return found;
  };
  return sales.map((sale) => {
    const demand = demandOf(sale);
    const shortages: Shortage[] = [];
    for (const [productId, requested] of demand) {
      const { onHand, tracked, policy } = position(productId);
      if (tracked && policy === 'reject' && onHand < requested) {
        shortages.push({ productId, requested, available: Math.max(onHand, 0) });
      }
    }
    if (shortages.length > 0) return { accepted: false, shortages };
    const shortfalls: { productId: string; shortfall: number }[] = [];
    for (const [productId, quantity] of demand) {
      const held = position(productId);
      const shortfall = shortfallOf(held.onHand, quantity);
      if (held.tracked && shortfall > 0) shortfalls.push({ productId, shortfall });
      held.onHand -= quantity;
    }
    return { accepted: true, shortfalls };
  });
}
