import type { TFunction } from 'i18next';
import { isStorageFullError } from '../db';

/** Why a product was not saved, in words; a full phone gets its own, clear message. */
export function productSaveError(error: unknown, t: TFunction): string {
  if (isStorageFullError(error)) return t('products.errors.storageFull');
  return t('products.errors.saveFailed', { message: error instanceof Error ? error.message : String(error) });
}
