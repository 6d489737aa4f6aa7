import { useEffect, useState } from 'react';
import type { AuditLogEntry } from '@opentill/domain';
import type { ApiFailure } from '../api/tokenRequest';
import { fetchAuditPage } from './auditApi';
import { actorsOf, auditSearchParams, isBackwards, type AuditFilter, type PersonOption } from './auditFilter';

interface AuditLogState {
  /** The filter the entries below answer; entries of another filter are never shown as this one's. */
  filter: AuditFilter | null;
  entries: AuditLogEntry[];
  nextBefore: number | null;
  failure: ApiFailure | null;
  loadingOlder: boolean;
  /** Everyone seen acting so far, whatever the filter: the "Who" choices keep them. */
  actors: PersonOption[];
}

const EMPTY: AuditLogState = {
  filter: null,
  entries: [],
  nextBefore: null,
  failure: null,
  loadingOlder: false,
  actors: [],
};

function mergeActors(known: readonly PersonOption[], entries: readonly AuditLogEntry[]): PersonOption[] {
  const byId = new Map(known.map((actor) => [actor.id, actor]));
  for (const actor of actorsOf(entries)) byId.set(actor.id, actor);
  return [...byId.values()];
}

/**
 * The audit log's newest page for `filter` (a new filter object loads afresh),
 * loaded when online, and `loadOlder()` appending the page before the last entry.
 * Offline or on a failure, what was loaded stays.
 */
export function useAuditLog(filter: AuditFilter, online: boolean) {
  const [state, setState] = useState<AuditLogState>(EMPTY);

  useEffect(() => {
    if (!online || isBackwards(filter)) return;
    let current = true;
    void fetchAuditPage(auditSearchParams(filter)).then((result) => {
      if (!current) return;
      setState((previous) =>
        result.ok
          ? {
              filter,
              entries: result.value.entries,
              nextBefore: result.value.nextBefore,
              failure: null,
              loadingOlder: false,
              actors: mergeActors(previous.actors, result.value.entries),
            }
          : { ...previous, failure: result.failure },
      );
    });
    return () => {
      current = false;
    };
  }, [filter, online]);

  async function loadOlder() {
    const before = state.nextBefore;
    if (before === null || state.filter !== filter || state.loadingOlder) return;
    setState((previous) => ({ ...previous, loadingOlder: true }));
    const result = await fetchAuditPage(auditSearchParams(filter, before));
    setState((previous) => {
      // The filter changed meanwhile: this page belongs to the old list.
      if (previous.filter !== filter) return previous;
      if (!result.ok) return { ...previous, failure: result.failure, loadingOlder: false };
      return {
        ...previous,
        entries: [...previous.entries, ...result.value.entries],
        nextBefore: result.value.nextBefore,
        failure: null,
        loadingOlder: false,
        actors: mergeActors(previous.actors, result.value.entries),
      };
    });
  }

  const loaded = state.filter === filter;
  return {
    /** Null until this filter's first page arrives. */
    entries: loaded ? state.entries : null,
    hasOlder: loaded && state.nextBefore !== null,
    loadingOlder: state.loadingOlder,
    failure: state.failure,
    actors: state.actors,
    loadOlder,
  };
}
