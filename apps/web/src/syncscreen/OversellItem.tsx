import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalStockException } from '../db';
import { acceptStockFigure, resolveOversellByCount } from '../db/stockExceptionDecisions';
import { CountForm } from '../stock/CountForm';
import { stockSaveError } from '../stock/stockSaveError';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';

/**
 * An open stock exception of the branch: sales took a tracked product below zero.
 * "Count the shelf" sends the difference between the count and the figure this
 * phone shows (closing the exception with it); "The figure is right" closes it
 * without moving stock. Either way it leaves the inbox at once (src/db marks it),
 * and the server's resolved copy comes back with the next pull.
 */
export function OversellItem({ exception, shownStock }: { exception: LocalStockException; shownStock: number }) {
  const { t } = useTranslation();
  const [counting, setCounting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function count(counted: number, approvedBy: string | undefined) {
    await resolveOversellByCount(exception.id, counted, approvedBy);
    requestSync();
  }

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      await acceptStockFigure(exception.id);
      requestSync();
    } catch (failure) {
      setError(stockSaveError(failure, t));
      setBusy(false);
    }
  }

  return (
    <article
      data-testid="stock-exception-item"
      className="flex flex-col gap-2 rounded-xl bg-amber-50 p-3 text-sm ring-1 ring-amber-200"
    >
      <p className="font-medium text-amber-950">
        {t('sync.screen.oversellTitle', { name: exception.productName, shortfall: exception.shortfall })}
      </p>
      <p className="text-amber-900">{t('sync.screen.oversellShown', { count: shownStock })}</p>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {counting ? (
        <CountForm
          label={t('sync.screen.countedLabel')}
          submitLabel={t('sync.screen.saveCount')}
          shown={shownStock}
          approvalReason={(counted) =>
            t('sync.screen.countApproval', { name: exception.productName, counted, shown: shownStock })
          }
          onCounted={count}
          onCancel={() => setCounting(false)}
          testIdPrefix="stock-exception-counted"
        />
      ) : (
        <div className="grid grid-cols-2 gap-2">
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => void accept()}
            data-testid="stock-exception-accept"
            className="px-2 text-sm"
          >
            {t('sync.screen.figureRight')}
          </Button>
          <Button
            disabled={busy}
            onClick={() => setCounting(true)}
            data-testid="stock-exception-count"
            className="px-2 text-sm"
          >
            {t('sync.screen.countShelf')}
          </Button>
        </div>
      )}
    </article>
  );
}
