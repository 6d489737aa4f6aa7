import { can, type Action, type Session } from '@opentill/domain';
import { useLiveActingUser } from '../db';

/** Which parts of the Staff screen this person may use: its people, its devices. */
export interface StaffAccess {
  people: boolean;
  devices: boolean;
}

/**
 * The device's token must allow the action (the server checks that), and so must the
 * person acting now, so a cashier who switched in on the owner's phone does not
 * inherit the owner's screens.
 */
export function useStaffAccess(session: Session): StaffAccess {
  const acting = useLiveActingUser();
  const allows = (action: Action) => can(session.user.role, action) && !!acting && can(acting.role, action);
  return { people: allows('user:manage'), devices: allows('device:manage') };
}
