import { af } from './af';
import type { AreaLoaders } from './areas';

/** Afrikaans by area (see `areas.ts`); the first screen's strings come in this chunk. */
export const afAreas: AreaLoaders = {
  core: async () => ({ af }),
  later: () => import('./afLater'),
  staffArea: () => Promise.all([import('./afBackOffice'), import('./afStaffArea')]),
  refunds: () => import('./afRefunds'),
  customers: () => import('./afCustomers'),
  receipts: () => import('./afReceipts'),
  account: () => import('./afAccount'),
  products: () => Promise.all([import('./afProducts'), import('./afSuppliers')]),
  stockAlerts: () => import('./afStockAlerts'),
};
