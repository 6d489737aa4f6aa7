import { can, type Session } from '@opentill/domain';
import { useLiveActingUser } from '../db';

/**
 * Whether the Staff screen shows: the device's token must allow `user:manage` (the
 * server checks that), and so must the person acting now, so a cashier who switched
 * in on the owner's phone does not inherit the owner's screens.
 */
export function useCanManageStaff(session: Session): boolean {
  const acting = useLiveActingUser();
  return (
    can(session.user.role, 'user:manage') && acting !== undefined && acting !== null && can(acting.role, 'user:manage')
  );
}
