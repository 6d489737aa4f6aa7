import * as z from 'zod/mini';
import { MAX_CENTS } from '../money/cents.js';
import { localIdSchema } from '../sales/sale.js';

/**
 * A cashier's shift on one device (SPEC SH): opened with a float, cash paid in
 * or out with a reason, closed with a blind count. Each step is an operation in
 * the critical lane (money), named by the device's local id for the shift.
 */
const amountSchema = z.int().check(z.gte(0), z.lte(MAX_CENTS));
const timeSchema = z.iso.datetime({ offset: true });

/** South African notes and coins, in cents, largest first: what a cash-up counts. */
export const DENOMINATIONS = [20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

export const openShiftSchema = z.object({
  localId: localIdSchema,
  /** The cash in the drawer at the start. */
  float: amountSchema,
  openedAt: timeSchema,
});
export type OpenShift = z.infer<typeof openShiftSchema>;

export const CASH_MOVEMENT_KINDS = ['in', 'out'] as const;

export const cashMovementSchema = z.object({
  localId: localIdSchema,
  shiftId: localIdSchema,
  kind: z.enum(CASH_MOVEMENT_KINDS),
  /** SH2: more than nothing. */
  amount: z.int().check(z.gte(1), z.lte(MAX_CENTS)),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  at: timeSchema,
});
export type CashMovement = z.infer<typeof cashMovementSchema>;

/** SH3: the count, per denomination (notes and coins as counted, never the expected figure). */
export const cashCountSchema = z.partialRecord(
  z.enum(DENOMINATIONS.map(String) as [string, ...string[]]),
  z.int().check(z.gte(0), z.lte(100_000)),
);
export type CashCount = z.infer<typeof cashCountSchema>;

export const closeShiftSchema = z.object({
  shiftId: localIdSchema,
  counted: cashCountSchema,
  /**
   * SH6: how many sales, refunds, cash movements and payments on account the device recorded in the
   * shift. Sales travel in another lane and may reach the server after the close;
   * these counts tell the server's report whether it has them all yet.
   */
  recorded: z.object({
    sales: z.int().check(z.gte(0)),
    refunds: z.int().check(z.gte(0)),
    movements: z.int().check(z.gte(0)),
    /** Payments on account taken in the shift; absent from devices before customers (CU3). */
    payments: z.optional(z.int().check(z.gte(0))),
  }),
  closedAt: timeSchema,
});
export type CloseShift = z.infer<typeof closeShiftSchema>;

/** What a count of notes and coins comes to. */
export function countedCash(count: CashCount): number {
  return Object.entries(count).reduce((sum, [denomination, pieces = 0]) => sum + Number(denomination) * pieces, 0);
}
