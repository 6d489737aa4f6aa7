import type { TFunction } from 'i18next';
import type { SyncProblem } from '../sync';

/** A failed sync in the owner's words (the server's own message when we have none better). */
export function syncProblemMessage(problem: SyncProblem, t: TFunction): string {
  switch (problem.code) {
    case 'network':
    case 'server':
    case 'refused':
    case 'OT_ERR_UNAUTHENTICATED':
    case 'OT_ERR_DEVICE_UNKNOWN':
    case 'OT_ERR_DEVICE_MISMATCH':
    case 'OT_ERR_PROTOCOL_UNSUPPORTED':
      return t(`sync.errors.${problem.code}`);
    default:
      return t('sync.errors.unknown', { message: problem.message ?? problem.code });
  }
}
