/**
 * Outbox lanes (seed 002 "Sync Queue Strategy"): what reaches the server first
 * when the link is slow. Each lane has its own per-device sequence, so a critical
 * operation never waits behind ordinary ones and the server can still prove that
 * nothing is missing within each lane (SPEC SY9).
 *
 * - critical: payments, refunds and scheduled-medicine sales, stock adjustments, shifts and cash (must reconcile);
 * - high: ordinary sales, customer updates;
 * - medium: catalogue edits, security reports (wrong PINs), receipt reprints, analytics.
 */
export const LANES = ['critical', 'high', 'medium'] as const;
export type Lane = (typeof LANES)[number];

/** The lane an operation of this type travels in (pharmacy sales of scheduled medicines join `critical` later). */
export const LANE_OF_TYPE = {
  CREATE_SALE: 'high',
  REFUND_SALE: 'critical',
  RECEIVE_STOCK: 'critical',
  ADJUST_STOCK: 'critical',
  RESOLVE_STOCK_EXCEPTION: 'critical',
  DISPATCH_TRANSFER: 'critical',
  RECEIVE_TRANSFER: 'critical',
  RESOLVE_TRANSFER: 'critical',
  UPSERT_PRODUCT: 'medium',
  DELETE_PRODUCT: 'medium',
  REPORT_PIN_FAILURE: 'medium',
  RECORD_REPRINT: 'medium',
  OPEN_SHIFT: 'critical',
  RECORD_CASH_MOVEMENT: 'critical',
  CLOSE_SHIFT: 'critical',
  // A customer travels with the sales that name them (same lane, so before them).
  UPSERT_CUSTOMER: 'high',
  RECORD_ACCOUNT_PAYMENT: 'critical',
} as const satisfies Record<string, Lane>;

/** Lanes in the order a device sends them. */
export function compareLanes(a: Lane, b: Lane): number {
  return LANES.indexOf(a) - LANES.indexOf(b);
}
