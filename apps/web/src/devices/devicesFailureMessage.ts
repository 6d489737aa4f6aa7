import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/tokenRequest';

/** A failed devices request in the owner's words. */
export function devicesFailureMessage(failure: ApiFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('devices.errors.offline');
    case 'unreachable':
      return t('devices.errors.unreachable');
    case 'forbidden':
      return t('devices.errors.forbidden', { message: failure.message });
    case 'server':
      // The one refusal the owner can meet in normal use: someone else removed it first.
      return failure.code === 'OT_ERR_DEVICE_NOT_FOUND' ? t('devices.errors.notFound') : failure.message;
    case 'unexpected':
      return t('devices.errors.unexpected');
  }
}
