import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/tokenRequest';
import { listBranches, type Branch } from './branchesApi';

interface BranchListState {
  /** Null until the first answer; kept while offline or when a reload fails. */
  branches: Branch[] | null;
  failure: ApiFailure | null;
}

/** The shop's branches from the server, loaded when online and again on `reload()`. */
export function useBranchList(online: boolean) {
  const [state, setState] = useState<BranchListState>({ branches: null, failure: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void listBranches().then((result) => {
      if (!current) return;
      setState((previous) =>
        result.ok
          ? { branches: result.value, failure: null }
          : { branches: previous.branches, failure: result.failure },
      );
    });
    return () => {
      current = false;
    };
  }, [online, version]);

  return { ...state, reload: () => setVersion((value) => value + 1) };
}
