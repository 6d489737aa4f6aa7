import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PulledBatch } from '@opentill/domain';
import { writeOffBatch } from '../db/adjustments';
import { useLiveBatchesOf } from '../db/batchList';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { BatchLines } from './BatchLines';
import { stockSaveError } from './stockSaveError';

interface BatchListProps {
  productId: string;
  /** The person may write an expired batch off (`stock:adjust`). */
  canWriteOff: boolean;
  onNotice: (message: string) => void;
}

/**
 * A product's batches at this branch, first expiry first (BT3): lot, expiry
 * and units, with the expired ones marked (they are never sold, BT2) and, for
 * whoever may adjust stock, "Write off" on each: all its units go as an
 * ADJUST_STOCK of reason `expired` on that batch, offline too (BT15). The
 * figures are the server's as last pulled, with this phone's pending
 * adjustments on top.
 */
export function BatchList({ productId, canWriteOff, onNotice }: BatchListProps) {
  const { t } = useTranslation();
  const batches = useLiveBatchesOf(productId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const held = (batches ?? []).filter((batch) => batch.onHand > 0);
  if (held.length === 0) return null;

  async function writeOff(batch: PulledBatch) {
    setConfirming(null);
    try {
      await writeOffBatch(batch);
      requestSync();
      onNotice(t('stock.writeOff.done', { count: batch.onHand, lot: batch.lot }));
    } catch (failure) {
      onNotice(stockSaveError(failure, t));
    }
  }

  const writeOffAction = (batch: PulledBatch & { key: string }) =>
    confirming === batch.id ? (
      <span className="flex gap-1">
        <Button variant="danger" onClick={() => void writeOff(batch)} data-testid="batch-write-off-yes">
          {t('stock.writeOff.confirm', { count: batch.onHand })}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(null)}>
          {t('stock.cancel')}
        </Button>
      </span>
    ) : (
      <Button variant="ghost" onClick={() => setConfirming(batch.id)} data-testid="batch-write-off">
        {t('stock.writeOff.start')}
      </Button>
    );

  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{t('products.batches.title')}</h3>
      <BatchLines
        batches={held.map((batch) => ({ ...batch, key: batch.id }))}
        testId="batch-list"
        expiredAction={canWriteOff ? writeOffAction : undefined}
      />
    </div>
  );
}
