import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/tokenRequest';

/** A failed sessions request in the person's words. */
export function sessionsFailureMessage(failure: ApiFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('sessions.errors.offline');
    case 'unreachable':
      return t('sessions.errors.unreachable');
    case 'forbidden':
      return t('sessions.errors.forbidden', { message: failure.message });
    case 'server':
      // Ended meanwhile, on another phone or by the session's own sign-out.
      return failure.code === 'OT_ERR_SESSION_NOT_FOUND' ? t('sessions.errors.notFound') : failure.message;
    case 'unexpected':
      return t('sessions.errors.unexpected');
  }
}
