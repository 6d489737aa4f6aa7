import { create } from 'zustand';

export type Tab = 'sell' | 'products' | 'sync' | 'staff';

interface NavigationState {
  tab: Tab;
  show: (tab: Tab) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  tab: 'sell',
  show: (tab) => set({ tab }),
}));
