import { useEffect, useState } from 'react';
import type { Alerts } from '@opentill/domain';
import type { ApiFailure } from '../api/tokenRequest';
import { fetchAlerts } from './alertsApi';

/** How often an open app asks again: a lockout or a flagged sale should not wait for a restart. */
const REFRESH_MS = 5 * 60_000;

interface AlertsState {
  /** Null until the first answer; kept while offline or when a later ask fails. */
  alerts: Alerts | null;
  failure: ApiFailure | null;
}

/** The shop's alerts, asked for when online (and `enabled`), every few minutes and on `reload()`. */
export function useAlerts(enabled: boolean, online: boolean) {
  const [state, setState] = useState<AlertsState>({ alerts: null, failure: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled || !online) return;
    let current = true;
    const ask = () =>
      void fetchAlerts().then((result) => {
        if (!current) return;
        setState((previous) =>
          result.ok ? { alerts: result.value, failure: null } : { alerts: previous.alerts, failure: result.failure },
        );
      });
    ask();
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [enabled, online, version]);

  return { ...state, reload: () => setVersion((value) => value + 1) };
}
