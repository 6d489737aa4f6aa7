import { useCallback, useEffect, useState } from 'react';
import type { Branch } from '@opentill/domain';
import { useOnline } from '../ui/useOnline';
import { fetchBranches, fetchTransfers, type TransferView } from './transfersApi';

export interface TransfersState {
  branches: Branch[] | null;
  transfers: TransferView[] | null;
  failed: boolean;
  reload: () => void;
}

/** The branches and this branch's transfers, fetched while online and again on `reload`. */
export function useTransfers(): TransfersState {
  const online = useOnline();
  const [branches, setBranches] = useState<Branch[] | null>(null);
  const [transfers, setTransfers] = useState<TransferView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void Promise.all([fetchBranches(), fetchTransfers()]).then(([branchAnswer, transferAnswer]) => {
      if (!current) return;
      setFailed(!branchAnswer.ok || !transferAnswer.ok);
      if (branchAnswer.ok) setBranches(branchAnswer.value);
      if (transferAnswer.ok) setTransfers(transferAnswer.value);
    });
    return () => {
      current = false;
    };
  }, [online, round]);

  return { branches, transfers, failed, reload };
}
