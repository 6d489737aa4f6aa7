import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/tokenRequest';

type SupplierErrorKey =
  'suppliers.errors.nameTaken' | 'suppliers.errors.inactive' | 'suppliers.errors.status' | 'suppliers.errors.notFound';

/** The server's refusals a person can meet here, in their words (SPEC PO); any other, the server's own. */
const SERVER_WORDS: Record<string, SupplierErrorKey> = {
  OT_ERR_SUPPLIER_NAME_TAKEN: 'suppliers.errors.nameTaken',
  OT_ERR_SUPPLIER_INACTIVE: 'suppliers.errors.inactive',
  OT_ERR_PURCHASE_ORDER_STATUS: 'suppliers.errors.status',
  OT_ERR_PURCHASE_ORDER_NOT_FOUND: 'suppliers.errors.notFound',
  OT_ERR_SUPPLIER_NOT_FOUND: 'suppliers.errors.notFound',
};

/** A failed suppliers or orders request in the owner's words. */
export function suppliersFailureMessage(failure: ApiFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('suppliers.errors.offline');
    case 'unreachable':
      return t('suppliers.errors.unreachable');
    case 'forbidden':
      return t('suppliers.errors.forbidden', { message: failure.message });
    case 'server': {
      const key = SERVER_WORDS[failure.code];
      return key ? t(key) : failure.message;
    }
    case 'unexpected':
      return t('suppliers.errors.unexpected');
  }
}
