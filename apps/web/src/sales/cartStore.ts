import { create } from 'zustand';
import {
  EMPTY_CART,
  addLine,
  changeQuantity,
  clearCart,
  overridePrice,
  parkSale,
  removeLine,
  resumeSale,
  setLineNote,
  type AddOptions,
  type Cart,
  type CartError,
  type CartResult,
  type ParkResult,
  type ParkedSale,
  type ProductToSell,
} from '@opentill/domain';
import { saveCart, saveCartAndParked } from '../db';

export type { CartLine } from '@opentill/domain';

interface CartState {
  cart: Cart;
  parked: ParkedSale[];
  /** Why the last command was refused (the cart did not change), until the next one succeeds. */
  refusal: CartError | null;
  add: (product: ProductToSell, options?: Omit<AddOptions, 'lineId'>) => boolean;
  setQuantity: (lineId: string, quantity: number) => boolean;
  remove: (lineId: string) => boolean;
  overridePrice: (lineId: string, price: number, approvedBy: string) => boolean;
  setNote: (lineId: string, note: string) => boolean;
  park: (label: string) => boolean;
  resume: (id: string) => boolean;
  clear: () => void;
  dismissRefusal: () => void;
  /** Restores the cart and parked sales kept on disk (at start-up). */
  hydrate: (cart: Cart, parked: ParkedSale[]) => void;
}

const newId = () => crypto.randomUUID();

/** The till's cart: every change is a domain command (SPEC C); a refusal keeps the cart and says why. */
export const useCart = create<CartState>((set, get) => {
  function apply(result: CartResult | ParkResult): boolean {
    if (!result.ok) {
      set({ refusal: result.error });
      return false;
    }
    set(
      'parked' in result
        ? { cart: result.cart, parked: result.parked, refusal: null }
        : { cart: result.cart, refusal: null },
    );
    return true;
  }
  return {
    cart: EMPTY_CART,
    parked: [],
    refusal: null,
    add: (product, options = {}) => apply(addLine(get().cart, product, { ...options, lineId: newId() })),
    setQuantity: (lineId, quantity) =>
      quantity === 0 ? apply(removeLine(get().cart, lineId)) : apply(changeQuantity(get().cart, lineId, quantity)),
    remove: (lineId) => apply(removeLine(get().cart, lineId)),
    overridePrice: (lineId, price, approvedBy) => apply(overridePrice(get().cart, lineId, price, approvedBy)),
    setNote: (lineId, note) => apply(setLineNote(get().cart, lineId, note)),
    park: (label) =>
      apply(parkSale(get().cart, get().parked, { id: newId(), label, parkedAt: new Date().toISOString() })),
    resume: (id) => apply(resumeSale(get().cart, get().parked, id)),
    clear: () => void apply(clearCart(get().cart)),
    dismissRefusal: () => set({ refusal: null }),
    hydrate: (cart, parked) => set({ cart, parked, refusal: null }),
  };
});

// Keep the cart and the parked sales on disk as they change, so a reload or crash mid-sale loses nothing.
useCart.subscribe((state, previous) => {
  const saving =
    state.parked !== previous.parked
      ? saveCartAndParked(state.cart, state.parked)
      : state.cart !== previous.cart
        ? saveCart(state.cart)
        : null;
  saving?.catch((error: unknown) => console.error('Could not keep the cart', error));
});
