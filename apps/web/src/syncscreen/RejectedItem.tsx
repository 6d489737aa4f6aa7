import { useTranslation } from 'react-i18next';
import { dismissRejected, type OutboxEntry } from '../db';
import { ConfirmedDismiss } from './ConfirmedDismiss';

/**
 * One operation the server refused for good (ARCHITECTURE "Sync" 2): what it was,
 * the server's reason, and "Dismiss" with a confirmation that says what it means.
 * Dismissing takes it out of this phone's queue; a sale stays on the phone, marked
 * as refused. `dismissRejected` re-checks the status in its own transaction.
 */
export function RejectedItem({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const isSale = entry.type === 'CREATE_SALE';
  const isProduct = entry.type === 'UPSERT_PRODUCT' || entry.type === 'DELETE_PRODUCT';
  const what = isSale
    ? t('sync.screen.rejectedSale', { ref: entry.localId })
    : isProduct
      ? t('sync.screen.rejectedProduct')
      : t('sync.screen.rejectedStock');

  return (
    <li data-testid="sync-rejected-item" className="flex flex-col gap-2 text-sm text-red-800">
      <p>{t('sync.screen.rejectedItem', { what, message: entry.lastError?.message ?? '' })}</p>
      <ConfirmedDismiss
        dismiss={() => dismissRejected(entry.opId)}
        testId="sync-rejected-dismiss"
        stepClassName="bg-amber-50 text-amber-950 ring-1 ring-amber-200"
      >
        <p>{t('sync.screen.dismissExplain')}</p>
        <p>
          {isSale
            ? t('sync.screen.dismissSale')
            : isProduct
              ? t('sync.screen.dismissProduct')
              : t('sync.screen.dismissStock')}
        </p>
      </ConfirmedDismiss>
    </li>
  );
}
