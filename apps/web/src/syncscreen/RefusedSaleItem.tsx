import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands } from '@opentill/domain';
import { dismissRefusedSale, type LocalSale, type OutOfStockConflict } from '../db';
import { Button } from '../ui/Button';

type Step = 'idle' | 'confirm' | 'working';

interface RefusedSaleItemProps {
  opId: string;
  conflict: OutOfStockConflict;
  /** The sale as this phone keeps it (marked refused). */
  sale: LocalSale | undefined;
}

/**
 * A sale of this phone the server refused because a "refuse the sale" product had
 * too little stock: what was short, the sale's reference and total, and "Dismiss"
 * (confirmed), which clears it from the inbox and keeps the sale here, marked refused.
 */
export function RefusedSaleItem({ opId, conflict, sale }: RefusedSaleItemProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  const nameOf = (productId: string) =>
    sale?.items.find((item) => item.productId === productId)?.name ?? t('sync.screen.unknownProduct');

  async function confirm() {
    setStep('working');
    setError(null);
    try {
      // Once dismissed, the live inbox drops this item and it unmounts.
      await dismissRefusedSale(opId);
    } catch (failure) {
      setError(
        t('sync.screen.dismissFailed', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
      setStep('idle');
    }
  }

  return (
    <article
      data-testid="refused-sale-item"
      className="flex flex-col gap-2 rounded-xl bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200"
    >
      {conflict.shortages.map((shortage) => (
        <p key={shortage.productId} className="font-medium">
          {t('sync.screen.refusedTitle', {
            name: nameOf(shortage.productId),
            requested: shortage.requested,
            available: shortage.available,
          })}
        </p>
      ))}
      <p className="break-all">
        {t('sync.screen.refusedSale', {
          ref: conflict.recordId,
          total: sale ? formatRands(cents(sale.totalAmount)) : t('sync.screen.none'),
        })}
      </p>
      <p>{t('sync.screen.refusedKept')}</p>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {step === 'idle' ? (
        <Button
          variant="secondary"
          onClick={() => setStep('confirm')}
          data-testid="refused-sale-dismiss"
          className="self-start text-sm"
        >
          {t('sync.screen.dismiss')}
        </Button>
      ) : (
        <div className="flex flex-col gap-3 rounded-xl bg-white p-3 text-slate-800 ring-1 ring-red-200">
          <p>{t('sync.screen.refusedDismissExplain')}</p>
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              disabled={step === 'working'}
              onClick={() => setStep('idle')}
              data-testid="refused-sale-dismiss-cancel"
              className="px-2 text-sm"
            >
              {t('sync.screen.dismissCancel')}
            </Button>
            <Button
              disabled={step === 'working'}
              onClick={() => void confirm()}
              data-testid="refused-sale-dismiss-confirm"
              className="px-2 text-sm"
            >
              {step === 'working' ? t('sync.screen.dismissing') : t('sync.screen.dismissYes')}
            </Button>
          </div>
        </div>
      )}
    </article>
  );
}
