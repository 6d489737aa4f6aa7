import { can, type Role } from '../auth/permissions.js';
import type { AdjustStock } from './stock.js';

/**
 * Stock counts (SPEC SC): a full count (every counted product of the branch) or a
 * cycle count (a few: a category, a shelf), blind (the counter never sees the
 * figure), then approved by someone with `stock:approve` before anything moves.
 * The count lives on the phone it is made on, offline; its approval queues one
 * ADJUST_STOCK per product that differs, naming the count and its approver.
 */
export const COUNT_KINDS = ['full', 'cycle'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

export interface CountLine {
  productId: string;
  name: string;
  /** Units on the shelf as counted; null until counted. */
  counted: number | null;
  /** The figure the phone showed when the line was counted (never shown to the counter). */
  expected: number | null;
}

export interface StockCount {
  id: string;
  kind: CountKind;
  startedAt: string;
  /** Who started it (the acting user). */
  startedBy: string;
  status: 'counting' | 'approved' | 'cancelled';
  lines: CountLine[];
  approvedBy?: string;
  approvedAt?: string;
}

export interface CountVariance {
  productId: string;
  name: string;
  expected: number;
  counted: number;
  /** counted − expected: negative when units are missing. */
  variance: number;
}

/** The lines counted so far, each with its variance (0 when the shelf agrees). */
export function countVariances(count: Pick<StockCount, 'lines'>): CountVariance[] {
  return count.lines.flatMap(({ productId, name, counted, expected }) =>
    counted === null || expected === null ? [] : [{ productId, name, expected, counted, variance: counted - expected }],
  );
}

/** Lines not counted yet: a count is finished only when there are none. */
export const uncountedLines = (count: Pick<StockCount, 'lines'>): CountLine[] =>
  count.lines.filter((line) => line.counted === null);

/**
 * The adjustments an approved count makes: one per product whose count differs, of the difference from the
 * figure shown when it was counted, so sales rung up since are not counted twice.
 */
export function countAdjustments(count: Pick<StockCount, 'id' | 'lines'>, approvedBy: string): AdjustStock[] {
  return countVariances(count)
    .filter(({ variance }) => variance !== 0)
    .map(({ productId, variance }) => ({ productId, delta: variance, reason: 'count', countId: count.id, approvedBy }));
}

/**
 * SC4: whether the difference a person in `role` counted on one product needs a manager's approval (`approvedBy`
 * with `stock:approve`) before it moves stock: yes for whoever may count but neither adjust stock nor approve
 * counts (a pharmacist's assistant). Whoever may adjust stock could move it with a reason anyway.
 */
export function countNeedsApproval(role: Role): boolean {
  return !can(role, 'stock:adjust') && !can(role, 'stock:approve');
}
