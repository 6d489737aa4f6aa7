import { useTranslation } from 'react-i18next';
import { badgeState, useSyncStatus, type SyncBadgeState } from '../sync';
import { CloudOffIcon } from '../ui/icons';
import { useNavigation } from './navigationStore';

const STYLES: Record<SyncBadgeState, string> = {
  offline: 'bg-slate-700 text-white',
  syncing: 'bg-sky-100 text-sky-900',
  online: 'bg-amber-100 text-amber-900',
  idle: 'bg-emerald-100 text-emerald-900',
};

/**
 * Offline / Syncing… / N unsynced / All synced. data-unsynced counts the pending
 * operations. Tapping it opens the Sync screen.
 */
export function SyncBadge() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const show = useNavigation((state) => state.show);
  const state = badgeState(status);
  const label =
    state === 'offline'
      ? t('sync.offline')
      : state === 'syncing'
        ? t('sync.syncing')
        : status.unsynced > 0
          ? t('sync.unsynced', { count: status.unsynced })
          : t('sync.allSynced');
  // Offline with a queue: say both, so the owner knows sales are waiting.
  const detail =
    state === 'offline' && status.unsynced > 0 ? ` · ${t('sync.unsynced', { count: status.unsynced })}` : '';

  return (
    <button
      type="button"
      onClick={() => show('sync')}
      title={t('sync.openScreen')}
      className="-my-1 flex min-h-11 shrink-0 items-center"
    >
      <span
        role="status"
        data-testid="sync-status"
        data-state={state}
        data-unsynced={status.unsynced}
        className={`inline-flex min-h-8 items-center gap-1 rounded-full px-3 text-xs font-semibold whitespace-nowrap ${STYLES[state]}`}
      >
        {state === 'offline' ? <CloudOffIcon /> : null}
        {label}
        {detail}
      </span>
    </button>
  );
}
