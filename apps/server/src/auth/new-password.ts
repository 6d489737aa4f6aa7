/**
 * The one check a new password passes, at registration and on a change (SPEC ID5–ID7): the tenant's
 * policy, the common list, not the person's email or names, and not one of the last few passwords.
 */
import {
  passwordProblems,
  type PasswordContext,
  type PasswordPolicy,
  type PasswordRejectionCode,
} from '@opentill/domain';
import { AppError } from '../http/errors.js';
import { commonPasswordCheck } from './common-passwords.js';
import { isReusedPassword } from './password-history.js';

const REUSED_MESSAGE = 'Choose a password you have not used recently.';

/**
 * Throws `OT_ERR_PASSWORD_REJECTED` listing every rule broken, each as a detail on `field` with its
 * stable `code`; nothing has been written when it does. `previousHashes` is newest first.
 */
export async function assertAcceptablePassword(
  password: string,
  policy: PasswordPolicy,
  context: Omit<PasswordContext, 'isCommon'>,
  { field, previousHashes = [] }: { field: string; previousHashes?: readonly string[] },
): Promise<void> {
  const problems: { code: PasswordRejectionCode; message: string }[] = passwordProblems(password, policy, {
    ...context,
    isCommon: await commonPasswordCheck(),
  });
  // An over-long password is reported alone: no Argon2 runs on it.
  const tooLong = problems.some((problem) => problem.code === 'PASSWORD_TOO_LONG');
  if (!tooLong && (await isReusedPassword(password, previousHashes, policy.historyDepth))) {
    problems.push({ code: 'PASSWORD_REUSED', message: REUSED_MESSAGE });
  }
  if (problems.length === 0) return;
  throw new AppError(
    'OT_ERR_PASSWORD_REJECTED',
    problems.map(({ code, message }) => ({ path: field, code, message })),
  );
}
