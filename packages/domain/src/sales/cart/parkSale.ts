import * as z from 'zod/mini';
import { EMPTY_CART, cartSchema, refuse, type Cart, type CartError } from './cart.js';

/** A sale put aside while the till serves someone else. */
export interface ParkedSale {
  id: string;
  /** What the cashier calls it ("lady in red", the customer's name); may be empty. */
  label: string;
  /** Device time, for the list. */
  parkedAt: string;
  cart: Cart;
}

export const parkedSaleSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  label: z.string().check(z.maxLength(60)),
  parkedAt: z.string(),
  cart: cartSchema,
});

/** Most sales one device holds parked. */
export const MAX_PARKED = 20;

export type ParkResult = { ok: true; cart: Cart; parked: ParkedSale[] } | { ok: false; error: CartError };

/** C8: parks the sale and starts an empty one. */
export function parkSale(cart: Cart, parked: readonly ParkedSale[], ticket: Omit<ParkedSale, 'cart'>): ParkResult {
  if (cart.lines.length === 0) return refuse('CART_EMPTY');
  if (parked.length >= MAX_PARKED) return refuse('TOO_MANY_PARKED');
  return { ok: true, cart: EMPTY_CART, parked: [...parked, { ...ticket, label: ticket.label.trim(), cart }] };
}

/** C9: brings a parked sale back; the current sale must be empty, so nothing is overwritten. */
export function resumeSale(cart: Cart, parked: readonly ParkedSale[], id: string): ParkResult {
  if (cart.lines.length > 0) return refuse('CART_NOT_EMPTY');
  const ticket = parked.find((candidate) => candidate.id === id);
  if (!ticket) return refuse('PARKED_NOT_FOUND');
  return { ok: true, cart: ticket.cart, parked: parked.filter((candidate) => candidate !== ticket) };
}
