import type { Session } from '@opentill/domain';
import { useLiveActingUser } from '../db';
import { staffAccessOf, type StaffAccess } from './staffArea';

export type { StaffAccess };

/** What of the Staff area the device's signed-in user and the person acting now may both use. */
export function useStaffAccess(session: Session): StaffAccess {
  const acting = useLiveActingUser();
  return staffAccessOf(session.user.role, acting?.role ?? null);
}
