import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api/tokenRequest';

/** The server's refusals a person can meet here, in their words (BR1); any other, the server's own. */
const SERVER_WORDS: Record<string, 'branches.errors.nameTaken' | 'branches.errors.notFound' | 'branches.errors.name'> =
  {
    OT_ERR_BRANCH_NAME_TAKEN: 'branches.errors.nameTaken',
    OT_ERR_BRANCH_NOT_FOUND: 'branches.errors.notFound',
    OT_ERR_VALIDATION: 'branches.errors.name',
  };

/** A failed branches request in the owner's words. */
export function branchesFailureMessage(failure: ApiFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('branches.errors.offline');
    case 'unreachable':
      return t('branches.errors.unreachable');
    case 'forbidden':
      return t('branches.errors.forbidden', { message: failure.message });
    case 'server': {
      const key = SERVER_WORDS[failure.code];
      return key ? t(key) : failure.message;
    }
    case 'unexpected':
      return t('branches.errors.unexpected');
  }
}
