/**
 * The string bundles that load together ("areas"), each with one key it defines: present in a
 * language (`getResource`, no fallback) means the area is loaded in that language. `core` is the
 * first screen's; the others load with their screens (`loadLaterStrings`, ...).
 */
export const AREA_KEYS = {
  core: 'app.loading',
  later: 'shift.title',
  staffArea: 'staff.title',
  refunds: 'refunds.title',
  customers: 'customers.title',
  receipts: 'receipts.title',
  account: 'account.password',
  products: 'products.title',
  stockAlerts: 'stockAlerts.title',
} as const;

export type Area = keyof typeof AREA_KEYS;

/**
 * How one language loads each area: the bundle's module (or modules), every export of which is a
 * strings object. English's table is in `index.ts`; Afrikaans' and isiZulu's are `areas.af.ts` and
 * `areas.zu.ts`, fetched (with that language's first-screen strings) only when the language is used,
 * so their dynamic imports do not weigh on the first screen.
 */
export type AreaLoaders = Record<Area, () => Promise<object>>;
