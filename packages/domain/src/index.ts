/** The domain's public entry: the apps import from here only (ARCHITECTURE rule). */
export * from './money/cents.js';
export * from './errors/codes.js';
export * from './catalog/product.js';
export * from './catalog/barcode.js';
export * from './sales/sale.js';
export * from './sales/chain.js';
export * from './sales/refund.js';
export * from './auth/registration.js';
export * from './auth/permissions.js';
export * from './sync/protocol.js';
export * from './sync/lanes.js';
export * from './stock/stock.js';
export * from './stock/oversell.js';
export * from './stock/deviceStock.js';
