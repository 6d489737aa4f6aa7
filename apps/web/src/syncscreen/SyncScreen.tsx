import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANES } from '@opentill/domain';
import { useLiveActingUser, useLiveSession, useLiveSyncOverview } from '../db';
import { useLiveOpenCount } from '../db/stockCounts';
import { formatAge } from '../i18n/format';
import { SessionsEntry } from '../sessions/SessionsEntry';
import { canSeeSessions } from '../sessions/sessionsAccess';
import { syncProblemMessage } from '../shell/syncProblemMessage';
import { requestSync, useSyncStatus } from '../sync';
import { Button } from '../ui/Button';
import { InboxEntry, inboxKey } from './InboxEntry';
import { RejectedItem } from './RejectedItem';
import { SignOutSection } from './SignOutSection';

// Its own chunk, fetched when someone opens it: most visits to Sync are about the queue.
const SessionsScreen = lazy(() =>
  import('../sessions/SessionsScreen').then((module) => ({ default: module.SessionsScreen })),
);

/** Re-renders every 30 s so "5 minutes ago" stays true while the screen is open. */
function useTick(ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

/**
 * What the sync engine is doing, for the owner: the queue per lane and how long
 * it has waited, the last sync and the last problem, "Sync now", the operations
 * the server did not accept, the Conflicts inbox, the way to the sessions list
 * (where one is signed in), and signing this phone out.
 */
export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const overview = useLiveSyncOverview();
  const session = useLiveSession();
  const acting = useLiveActingUser();
  // A stock count lives only on this phone until approved (SC1): signing out would lose it.
  const openCount = useLiveOpenCount();
  const syncing = useSyncStatus((state) => state.syncing);
  const lastError = useSyncStatus((state) => state.lastError);
  const [showSessions, setShowSessions] = useState(false);
  useTick(30_000);
  if (overview === undefined) return null;
  const sessionsAllowed = !!session && canSeeSessions(session.user, acting ?? null);
  if (showSessions && sessionsAllowed) {
    return (
      <Suspense fallback={null}>
        <SessionsScreen onBack={() => setShowSessions(false)} />
      </Suspense>
    );
  }

  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-lg font-bold text-slate-900">{t('sync.screen.title')}</h2>
          <p className="text-sm text-slate-600" data-testid="sync-last-synced">
            {overview.lastSyncedAt
              ? t('sync.screen.lastSynced', { age: formatAge(overview.lastSyncedAt, i18n.language) })
              : t('sync.screen.neverSynced')}
          </p>
          <p
            data-testid="sync-last-error"
            className={`text-sm ${lastError ? 'text-red-700' : 'text-slate-600'}`}
            role={lastError ? 'alert' : undefined}
          >
            {lastError
              ? t('sync.screen.lastError', { message: syncProblemMessage(lastError, t) })
              : t('sync.screen.noError')}
          </p>
          <Button large disabled={syncing} onClick={() => requestSync()} data-testid="sync-now" className="w-full">
            {syncing ? t('sync.screen.syncing') : t('sync.screen.syncNow')}
          </Button>
        </section>

        <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h3 className="mb-2 font-semibold text-slate-900">{t('sync.screen.queueTitle')}</h3>
          <dl className="grid grid-cols-3 gap-2 text-center">
            {LANES.map((lane) => (
              <div key={lane} className="rounded-xl bg-slate-50 py-2">
                <dt className="text-xs font-medium text-slate-500">{t(`sync.screen.lanes.${lane}`)}</dt>
                <dd data-testid={`sync-lane-${lane}`} className="text-2xl font-bold text-slate-900 tabular-nums">
                  {overview.pendingByLane[lane]}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm text-slate-600" data-testid="sync-oldest">
            {overview.oldestPendingAt
              ? t('sync.screen.oldest', { age: formatAge(overview.oldestPendingAt, i18n.language) })
              : t('sync.screen.nothingWaiting')}
          </p>
        </section>

        {overview.rejected.length > 0 ? (
          <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h3 className="mb-2 font-semibold text-slate-900">{t('sync.screen.rejectedTitle')}</h3>
            <ul className="flex flex-col gap-3" data-testid="sync-rejected">
              {overview.rejected.map((entry) => (
                <RejectedItem key={entry.opId} entry={entry} />
              ))}
            </ul>
          </section>
        ) : null}

        <section
          data-testid="conflicts-inbox"
          className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <h3 className="font-semibold text-slate-900">{t('sync.screen.conflictsTitle')}</h3>
          {overview.inbox.length === 0 ? (
            <p className="text-sm text-slate-600">{t('sync.screen.conflictsEmpty')}</p>
          ) : (
            overview.inbox.map((item) => <InboxEntry key={inboxKey(item)} item={item} />)
          )}
        </section>

        {sessionsAllowed ? <SessionsEntry onOpen={() => setShowSessions(true)} /> : null}

        <SignOutSection
          waiting={{
            pending: LANES.reduce((sum, lane) => sum + overview.pendingByLane[lane], 0),
            rejected: overview.rejected.length,
            // Stock exceptions live on the server: signing out loses nothing of them.
            conflicts: overview.inbox.filter((item) => item.kind !== 'OVERSELL').length,
            openCounts: openCount ? 1 : 0,
          }}
        />
      </div>
    </div>
  );
}
