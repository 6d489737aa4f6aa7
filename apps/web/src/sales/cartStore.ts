import { create } from 'zustand';
import {
  EMPTY_CART,
  addLine,
  attachCustomer,
  changeQuantity,
  onlyExpiredLeft,
  clearCart,
  overridePrice,
  parkSale,
  pickBatch,
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
import { saveCart, saveCartAndParked, tillStockSnapshot } from '../db';
import { whenIdle } from './whenIdle';

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
  /** BT5: the line's units from this batch first; null: first expiry first. */
  pickBatch: (lineId: string, batchId: string | null) => boolean;
  park: (label: string) => boolean;
  resume: (id: string) => boolean;
  /** C10: the sale's customer (the book and store credit need one); null takes them off. */
  attachCustomer: (customerId: string | null) => boolean;
  clear: () => void;
  dismissRefusal: () => void;
  /** Restores the cart and parked sales kept on disk (at start-up). */
  hydrate: (cart: Cart, parked: ParkedSale[]) => void;
}

const newId = () => crypto.randomUUID();

/**
 * BT2: whether the cart would then hold more of the product than its batches
 * not expired (and units kept without a batch) cover. Offline too: the expiry
 * is judged from the batches this phone pulled.
 */
function onlyExpiredFor(cart: Cart, productId: string, added: number): boolean {
  const { shown, expired } = tillStockSnapshot();
  const units = expired.get(productId) ?? 0;
  if (units === 0 || added <= 0) return false;
  const inCart = cart.lines.reduce((sum, line) => sum + (line.productId === productId ? line.quantity : 0), 0);
  return onlyExpiredLeft(shown.get(productId) ?? 0, units, inCart + added);
}
let hydrating = false;

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
  function refuseExpired(): false {
    set({ refusal: 'ONLY_EXPIRED_STOCK' });
    return false;
  }
  return {
    cart: EMPTY_CART,
    parked: [],
    refusal: null,
    add: (product, options = {}) =>
      onlyExpiredFor(get().cart, product.id, options.grams === undefined ? (options.quantity ?? 1) : 0)
        ? refuseExpired()
        : apply(addLine(get().cart, product, { ...options, lineId: newId() })),
    setQuantity: (lineId, quantity) => {
      if (quantity === 0) return apply(removeLine(get().cart, lineId));
      const line = get().cart.lines.find((candidate) => candidate.lineId === lineId);
      if (line && !line.weight && onlyExpiredFor(get().cart, line.productId, quantity - line.quantity)) {
        return refuseExpired();
      }
      return apply(changeQuantity(get().cart, lineId, quantity));
    },
    remove: (lineId) => apply(removeLine(get().cart, lineId)),
    overridePrice: (lineId, price, approvedBy) => apply(overridePrice(get().cart, lineId, price, approvedBy)),
    setNote: (lineId, note) => apply(setLineNote(get().cart, lineId, note)),
    pickBatch: (lineId, batchId) => apply(pickBatch(get().cart, lineId, batchId)),
    park: (label) =>
      apply(parkSale(get().cart, get().parked, { id: newId(), label, parkedAt: new Date().toISOString() })),
    resume: (id) => apply(resumeSale(get().cart, get().parked, id)),
    attachCustomer: (customerId) => apply(attachCustomer(get().cart, customerId)),
    clear: () => void apply(clearCart(get().cart)),
    dismissRefusal: () => set({ refusal: null }),
    hydrate: (cart, parked) => {
      // What was read from disk (or, after sign-out, what is left there): nothing to write back.
      hydrating = true;
      set({ cart, parked, refusal: null });
      hydrating = false;
    },
  };
});

/*
 * Keep the cart and the parked sales on disk as they change, so a reload or crash mid-sale loses
 * nothing. Written once the till is idle (within 250 ms), not inside the tap or scan that made the
 * change: the write costs milliseconds on a slow phone and the line must show first (issue 5); a
 * crash in that moment loses the last scan, which the cashier sees is missing. Changes made meanwhile
 * go in the same write, which takes the latest cart; a change of the parked list writes both at once,
 * in one transaction (parking moves a sale between them).
 */
let saveScheduled = false;
let parkedChanged = false;
let lastSave: Promise<void> = Promise.resolve();

function saveLatest(): Promise<void> {
  saveScheduled = false;
  const { cart, parked } = useCart.getState();
  const saving = parkedChanged ? saveCartAndParked(cart, parked) : saveCart(cart);
  parkedChanged = false;
  lastSave = saving.catch((error: unknown) => console.error('Could not keep the cart', error));
  return lastSave;
}

useCart.subscribe((state, previous) => {
  if (hydrating) return;
  if (state.parked !== previous.parked) {
    // Parking or resuming is a deliberate step, not a scan, and the app may be closed right after it
    // (a reload within the idle wait lost a parked sale): written at once.
    parkedChanged = true;
    void saveLatest();
    return;
  }
  if (state.cart === previous.cart || saveScheduled) return;
  saveScheduled = true;
  whenIdle(() => {
    if (saveScheduled) void saveLatest();
  });
});

/** Writes a change still waiting for an idle moment now, and resolves once the cart on disk is the latest. */
export function flushCartSave(): Promise<void> {
  return saveScheduled ? saveLatest() : lastSave;
}
