import { useTranslation } from 'react-i18next';
import { useLiveBatchesOf } from '../db/batchList';
import { BatchLines } from './BatchLines';

/**
 * A product's batches at this branch, first expiry first (BT3): lot, expiry
 * and units, with the expired ones marked (they are never sold, BT2). The
 * figures are the server's as last pulled.
 */
export function BatchList({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const batches = useLiveBatchesOf(productId);
  const held = (batches ?? []).filter((batch) => batch.onHand > 0);
  if (held.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{t('products.batches.title')}</h3>
      <BatchLines batches={held.map((batch) => ({ ...batch, key: batch.id }))} testId="batch-list" />
    </div>
  );
}
