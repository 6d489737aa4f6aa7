import { useEffect, useState } from 'react';
import type { StaffMember } from '@opentill/domain';
import { listStaff, type StaffFailure } from './staffApi';

interface StaffListState {
  /** Null until the first answer; kept while offline or when a reload fails. */
  staff: StaffMember[] | null;
  failure: StaffFailure | null;
}

/** The shop's staff from the server, loaded when online and again on `reload()`. */
export function useStaffList(online: boolean) {
  const [state, setState] = useState<StaffListState>({ staff: null, failure: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void listStaff().then((result) => {
      if (!current) return;
      setState((previous) =>
        result.ok ? { staff: result.value, failure: null } : { staff: previous.staff, failure: result.failure },
      );
    });
    return () => {
      current = false;
    };
  }, [online, version]);

  return { ...state, reload: () => setVersion((value) => value + 1) };
}
