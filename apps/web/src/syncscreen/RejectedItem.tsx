import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissRejected, type OutboxEntry } from '../db';
import { Button } from '../ui/Button';

type Step = 'idle' | 'confirm' | 'working';

/**
 * One operation the server refused for good (ARCHITECTURE "Sync" 2): what it was,
 * the server's reason, and "Dismiss" with a confirmation that says what it means.
 * Dismissing takes it out of this phone's queue; a sale stays on the phone, marked
 * as refused. `dismissRejected` re-checks the status in its own transaction.
 */
export function RejectedItem({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  const isSale = entry.type === 'CREATE_SALE';
  const isProduct = entry.type === 'UPSERT_PRODUCT' || entry.type === 'DELETE_PRODUCT';
  const what = isSale
    ? t('sync.screen.rejectedSale', { ref: entry.localId })
    : isProduct
      ? t('sync.screen.rejectedProduct')
      : t('sync.screen.rejectedStock');

  async function confirm() {
    setStep('working');
    setError(null);
    try {
      // Once dismissed, the live list drops this item and it unmounts.
      await dismissRejected(entry.opId);
    } catch (failure) {
      setError(
        t('sync.screen.dismissFailed', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
      setStep('idle');
    }
  }

  return (
    <li data-testid="sync-rejected-item" className="flex flex-col gap-2 text-sm text-red-800">
      <p>{t('sync.screen.rejectedItem', { what, message: entry.lastError?.message ?? '' })}</p>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {step === 'idle' ? (
        <Button
          variant="secondary"
          onClick={() => setStep('confirm')}
          data-testid="sync-rejected-dismiss"
          className="self-start text-sm"
        >
          {t('sync.screen.dismiss')}
        </Button>
      ) : (
        <div
          data-testid="sync-rejected-dismiss-step"
          className="flex flex-col gap-3 rounded-xl bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200"
        >
          <p>{t('sync.screen.dismissExplain')}</p>
          <p>
            {isSale
              ? t('sync.screen.dismissSale')
              : isProduct
                ? t('sync.screen.dismissProduct')
                : t('sync.screen.dismissStock')}
          </p>
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              disabled={step === 'working'}
              onClick={() => setStep('idle')}
              data-testid="sync-rejected-dismiss-cancel"
              className="px-2 text-sm"
            >
              {t('sync.screen.dismissCancel')}
            </Button>
            <Button
              disabled={step === 'working'}
              onClick={() => void confirm()}
              data-testid="sync-rejected-dismiss-confirm"
              className="px-2 text-sm"
            >
              {step === 'working' ? t('sync.screen.dismissing') : t('sync.screen.dismissYes')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
