import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/tokenRequest';

/** A failed audit log request in the reader's words. */
export function auditFailureMessage(failure: ApiFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('audit.errors.offline');
    case 'unreachable':
      return t('audit.errors.unreachable');
    case 'forbidden':
      return t('audit.errors.refused');
    case 'server':
      // A token without `audit:read` is answered like a missing one: 401 OT_ERR_UNAUTHENTICATED.
      return failure.code === 'OT_ERR_UNAUTHENTICATED' ? t('audit.errors.refused') : failure.message;
    case 'unexpected':
      return t('audit.errors.unexpected');
  }
}
