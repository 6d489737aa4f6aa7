import { can, type Role } from '@opentill/domain';

/**
 * Who sees the sessions on this phone: the person who signed it in, while acting (their own
 * sessions, or the shop's if they manage staff), or someone acting who manages staff. A cashier
 * who switched in on the owner's phone does not see nor end the owner's sessions.
 */
export function canSeeSessions(
  signedIn: { id: string; role: Role },
  acting: { userId: string; role: Role } | null,
): boolean {
  if (!acting || !can(signedIn.role, 'account:self')) return false;
  return acting.userId === signedIn.id || can(acting.role, 'user:manage');
}
