import * as z from 'zod/mini';
import { MAX_SALE_LINES, saleLineSchema, saleTotal, type SaleLine } from '../sale.js';

/**
 * The sale being rung up (SPEC C). Every change is a pure command, one file
 * each, that returns a new cart or says why it cannot: the device keeps the cart
 * on disk, so a refused command must leave it exactly as it was.
 */
export interface Cart {
  lines: CartLine[];
  /** The customer the sale is for, when the cashier attached one. */
  customerId?: string;
}

/** A sale line in the making, with an id of its own (two lines may sell one product). */
export type CartLine = SaleLine & { lineId: string };

/** A cart as the device keeps it on disk: checked again when read back (IndexedDB is a boundary too). */
export const cartLineSchema = z.extend(saleLineSchema, { lineId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const cartSchema = z.object({ lines: z.array(cartLineSchema), customerId: z.optional(z.uuid()) });

export const CART_ERRORS = [
  'QUANTITY_INVALID',
  'PRICE_INVALID',
  'WEIGHT_INVALID',
  'TOO_MANY_LINES',
  'TOTAL_TOO_LARGE',
  'LINE_NOT_FOUND',
  'WEIGHED_LINE',
  'NOTE_TOO_LONG',
  'CART_EMPTY',
  'CART_NOT_EMPTY',
  'TOO_MANY_PARKED',
  'PARKED_NOT_FOUND',
  /** BT2: the units asked for are on the shelf only in expired batches (checked by the till, not a command). */
  'ONLY_EXPIRED_STOCK',
] as const;
export type CartError = (typeof CART_ERRORS)[number];

export type CartResult = { ok: true; cart: Cart } | { ok: false; error: CartError };

export const EMPTY_CART: Cart = { lines: [] };

export const refuse = (error: CartError): { ok: false; error: CartError } => ({ ok: false, error });

/** C1: a cart is accepted only while its total stays within M2 and its lines within S2. */
export function accept(cart: Cart): CartResult {
  if (cart.lines.length > MAX_SALE_LINES) return refuse('TOO_MANY_LINES');
  try {
    saleTotal(cart.lines);
  } catch {
    return refuse('TOTAL_TOO_LARGE');
  }
  return { ok: true, cart };
}

/** Replaces one line, or refuses when the cart has no line with that id. */
export function updateLine(cart: Cart, lineId: string, change: (line: CartLine) => CartLine): CartResult {
  if (!cart.lines.some((line) => line.lineId === lineId)) return refuse('LINE_NOT_FOUND');
  return accept({ ...cart, lines: cart.lines.map((line) => (line.lineId === lineId ? change(line) : line)) });
}
