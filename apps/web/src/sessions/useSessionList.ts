import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/tokenRequest';
import { listSessions, type SessionRecord } from './sessionsApi';

interface SessionListState {
  /** Null until the first answer; kept while offline or when a reload fails. */
  sessions: SessionRecord[] | null;
  failure: ApiFailure | null;
}

/** The sessions from the server, loaded when online and again on `reload()`. */
export function useSessionList(online: boolean) {
  const [state, setState] = useState<SessionListState>({ sessions: null, failure: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void listSessions().then((result) => {
      if (!current) return;
      setState((previous) =>
        result.ok
          ? { sessions: result.value, failure: null }
          : { sessions: previous.sessions, failure: result.failure },
      );
    });
    return () => {
      current = false;
    };
  }, [online, version]);

  return { ...state, reload: () => setVersion((value) => value + 1) };
}
