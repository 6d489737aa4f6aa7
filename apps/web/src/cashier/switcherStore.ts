import { create } from 'zustand';

/** Whether the "Who is selling?" screen is open over the till. */
interface SwitcherState {
  open: boolean;
  show: () => void;
  hide: () => void;
}

export const useCashierSwitcher = create<SwitcherState>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
