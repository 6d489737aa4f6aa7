import type { TFunction } from 'i18next';
import type { StaffFailure } from './staffApi';

/** A failed staff request in the owner's words; the server's own words when it gave some. */
export function staffFailureMessage(failure: StaffFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('staff.errors.offline');
    case 'unreachable':
      return t('staff.errors.unreachable');
    case 'forbidden':
      return t('staff.errors.forbidden', { message: failure.message });
    case 'server':
      return failure.message;
    case 'unexpected':
      return t('staff.errors.unexpected');
  }
}
