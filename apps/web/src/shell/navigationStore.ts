import { create } from 'zustand';
import type { StaffSection } from './staffArea';

export type Tab = 'sell' | 'customers' | 'sales' | 'products' | 'sync' | 'staff';

interface NavigationState {
  tab: Tab;
  /** The Staff section something asked to open (the alerts banner); the screen takes it once. */
  staffSection: StaffSection | null;
  /** The product something asked to open on the Products tab (a stock alert); the screen takes it once. */
  productToOpen: string | null;
  /** The notification centre (stock alerts) is open over the screen. */
  alertsOpen: boolean;
  show: (tab: Tab) => void;
  showStaffSection: (section: StaffSection) => void;
  takeStaffSection: () => void;
  showProduct: (productId: string) => void;
  takeProduct: () => void;
  showAlerts: () => void;
  hideAlerts: () => void;
  /** Back to the till with nothing asked for (a session ended: the next person starts clean). */
  reset: () => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  tab: 'sell',
  staffSection: null,
  productToOpen: null,
  alertsOpen: false,
  // Going to a tab closes the centre (the switch-cashier dialog sends the new cashier to the till).
  show: (tab) => set({ tab, alertsOpen: false }),
  showStaffSection: (section) => set({ tab: 'staff', staffSection: section }),
  takeStaffSection: () => set({ staffSection: null }),
  showProduct: (productId) => set({ tab: 'products', productToOpen: productId, alertsOpen: false }),
  takeProduct: () => set({ productToOpen: null }),
  showAlerts: () => set({ alertsOpen: true }),
  hideAlerts: () => set({ alertsOpen: false }),
  reset: () => set({ tab: 'sell', staffSection: null, productToOpen: null, alertsOpen: false }),
}));
