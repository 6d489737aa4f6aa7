import { create } from 'zustand';
import { MAX_LINE_QUANTITY, type SaleLine } from '@opentill/domain';
import { saveCart } from '../db';

/** A cart line is a sale line in the making: the price and name as they were when rung up. */
export type CartLine = SaleLine;

interface CartState {
  lines: CartLine[];
  add: (product: { id: string; name: string; price: number }) => void;
  increase: (productId: string) => void;
  decrease: (productId: string) => void;
  clear: () => void;
  /** Restores the cart kept on disk (at start-up). */
  hydrate: (lines: CartLine[]) => void;
}

function changeQuantity(lines: CartLine[], productId: string, delta: number): CartLine[] {
  return lines.flatMap((line) => {
    if (line.productId !== productId) return [line];
    const quantity = Math.min(MAX_LINE_QUANTITY, line.quantity + delta);
    return quantity > 0 ? [{ ...line, quantity }] : [];
  });
}

export const useCart = create<CartState>((set, get) => ({
  lines: [],
  add: (product) => {
    const { lines } = get();
    const existing = lines.some((line) => line.productId === product.id);
    set({
      lines: existing
        ? changeQuantity(lines, product.id, 1)
        : [...lines, { productId: product.id, name: product.name, price: product.price, quantity: 1 }],
    });
  },
  increase: (productId) => set({ lines: changeQuantity(get().lines, productId, 1) }),
  decrease: (productId) => set({ lines: changeQuantity(get().lines, productId, -1) }),
  clear: () => set({ lines: [] }),
  hydrate: (lines) => set({ lines }),
}));

// Keep the cart on disk as it changes, so a reload or crash mid-sale loses nothing.
useCart.subscribe((state, previous) => {
  if (state.lines !== previous.lines) {
    saveCart(state.lines).catch((error: unknown) => console.error('Could not keep the cart', error));
  }
});
