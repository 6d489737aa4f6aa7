import { create } from 'zustand';
import type { LocalSale } from '../db';

/** Where the cashier is in a sale. Kept outside the screen so switching tabs does not lose it. */
type SaleFlow = { step: 'cart' } | { step: 'payment' } | { step: 'done'; sale: LocalSale };

interface SaleFlowState {
  flow: SaleFlow;
  startPayment: () => void;
  backToCart: () => void;
  finish: (sale: LocalSale) => void;
}

export const useSaleFlow = create<SaleFlowState>((set) => ({
  flow: { step: 'cart' },
  startPayment: () => set({ flow: { step: 'payment' } }),
  backToCart: () => set({ flow: { step: 'cart' } }),
  finish: (sale) => set({ flow: { step: 'done', sale } }),
}));
