import { useTranslation } from 'react-i18next';
import { useLiveRejectedOperations } from '../db';
import { useSyncStatus } from '../sync';
import { syncProblemMessage } from './syncProblemMessage';

/**
 * What needs the owner's attention: operations the server rejected for good, and
 * sync failures that waiting will not fix (sign in again, update the app). A plain
 * network outage is already said by the badge ("Offline").
 */
export function SyncProblems() {
  const { t } = useTranslation();
  const rejected = useLiveRejectedOperations() ?? [];
  const problem = useSyncStatus((state) => state.lastError);
  const messages: string[] = [];
  const latest = rejected[0];
  if (latest) {
    messages.push(
      t('sync.rejected', {
        count: rejected.length,
        message: latest.lastError?.message ?? latest.lastError?.code ?? '',
      }),
    );
  }
  if (problem && problem.code !== 'network') messages.push(syncProblemMessage(problem, t));
  if (messages.length === 0) return null;

  return (
    <div role="alert" data-testid="sync-error" className="bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
