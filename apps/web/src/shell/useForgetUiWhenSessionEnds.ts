import { useEffect, useRef } from 'react';
import type { Session } from '@opentill/domain';
import { forgetSessionUi } from '../auth/forgetSessionUi';

/**
 * Clears the page's in-memory session state when the stored session goes away by any
 * path: a sync cycle that found the phone removed by the owner (here, in another tab or
 * in the service worker), or a sign-out in another tab.
 */
export function useForgetUiWhenSessionEnds(session: Session | null | undefined): void {
  const signedIn = useRef(false);
  useEffect(() => {
    if (session) signedIn.current = true;
    else if (session === null && signedIn.current) {
      signedIn.current = false;
      forgetSessionUi();
    }
  }, [session]);
}
