import type { TFunction } from 'i18next';
import { isStorageFullError } from '../db';

/** Why a stock change was not saved, in words; a full phone gets its own, clear message. */
export function stockSaveError(error: unknown, t: TFunction): string {
  if (isStorageFullError(error)) return t('stock.errors.storageFull');
  return t('stock.errors.saveFailed', { message: error instanceof Error ? error.message : String(error) });
}
