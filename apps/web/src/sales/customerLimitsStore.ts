import { create } from 'zustand';
import type { CustomerLimits } from './paymentDraft';

interface CustomerAtTillState {
  /** The customer the limits are for, and their limits as the phone knows them (CU6). */
  customerId: string | null;
  limits: CustomerLimits | null;
  show: (customerId: string | null, limits: CustomerLimits | null) => void;
}

/**
 * The attached customer's room on the book and store credit, published by the
 * lazily loaded customer picker so the payment screen can check tenders (CU1,
 * CU5) without loading the customer screens itself.
 */
export const useCustomerAtTill = create<CustomerAtTillState>((set) => ({
  customerId: null,
  limits: null,
  show: (customerId, limits) => set({ customerId, limits }),
}));

/** The limits of `customerId` if the picker has published them; null otherwise (nothing on the book). */
export function useCustomerLimits(customerId: string | undefined): CustomerLimits | null {
  return useCustomerAtTill((state) => (customerId && state.customerId === customerId ? state.limits : null));
}
