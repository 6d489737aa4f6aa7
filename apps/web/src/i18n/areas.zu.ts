import type { AreaLoaders } from './areas';
import { zu } from './zu';

/** isiZulu by area (see `areas.ts`); the first screen's strings come in this chunk. */
export const zuAreas: AreaLoaders = {
  core: async () => ({ zu }),
  later: () => import('./zuLater'),
  staffArea: () => Promise.all([import('./zuBackOffice'), import('./zuStaffArea')]),
  refunds: () => import('./zuRefunds'),
  customers: () => import('./zuCustomers'),
  receipts: () => import('./zuReceipts'),
  account: () => import('./zuAccount'),
  products: () => Promise.all([import('./zuProducts'), import('./zuSuppliers')]),
  stockAlerts: () => import('./zuStockAlerts'),
};
