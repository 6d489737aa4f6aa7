/**
 * The English `products` area in one module (see `areas.ts`: every export a strings object): the Products tab's
 * strings and its "Suppliers & orders" section's. One import in the first screen's table instead of two.
 */
export { enProducts } from './enProducts';
export { enSuppliers } from './enSuppliers';
