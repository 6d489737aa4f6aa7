import { create } from 'zustand';
import type { StaffSection } from './staffArea';

export type Tab = 'sell' | 'customers' | 'sales' | 'products' | 'sync' | 'staff';

interface NavigationState {
  tab: Tab;
  /** The Staff section something asked to open (the alerts banner); the screen takes it once. */
  staffSection: StaffSection | null;
  show: (tab: Tab) => void;
  showStaffSection: (section: StaffSection) => void;
  takeStaffSection: () => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  tab: 'sell',
  staffSection: null,
  show: (tab) => set({ tab }),
  showStaffSection: (section) => set({ tab: 'staff', staffSection: section }),
  takeStaffSection: () => set({ staffSection: null }),
}));
