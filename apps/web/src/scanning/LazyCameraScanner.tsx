import { lazy } from 'react';
import { loadLaterStrings } from '../i18n';

/**
 * The camera scanner, loaded with its strings only when a cashier opens it (the first
 * screen's budget). Render it inside a Suspense boundary.
 */
export const LazyCameraScanner = lazy(async () => {
  const [module] = await Promise.all([import('./CameraScanner'), loadLaterStrings()]);
  return module;
});
