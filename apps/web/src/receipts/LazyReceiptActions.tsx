import { lazy } from 'react';
import { loadReceiptStrings } from '../i18n';

/**
 * The receipt actions with their strings, loaded after "Paid" is on screen: the slip shows at once and
 * the receipt's renderers (print, ESC/POS on a tap, PDF on a tap) never weigh on the till's first screen.
 */
export const loadReceiptActions = () =>
  Promise.all([import('./ReceiptActions'), loadReceiptStrings()]).then(([module]) => module);

export const LazyReceiptActions = lazy(() =>
  loadReceiptActions().then((module) => ({ default: module.ReceiptActions })),
);
