import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countStock, type LocalProduct } from '../db';
import { adjustStock } from '../db/adjustments';
import { useLiveBatchesOf } from '../db/batchList';
import { receiveStock, type ReceivedLot } from '../db/receiving';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { AdjustForm, type Adjustment } from './AdjustForm';
import { BatchList } from './BatchList';
import { CountForm } from './CountForm';
import { ReceiveForm } from './ReceiveForm';
import { StockFigure } from './StockFigure';

type Mode = 'idle' | 'receive' | 'count' | 'adjust';

/**
 * A tracked product's stock on the Products screen: the figure this phone shows,
 * its batches, "Receive stock" (a delivery, RECEIVE_STOCK, with lot and expiry when
 * kept in batches) and "Count stock" (what is on the
 * shelf; the difference from the figure goes as an ADJUST_STOCK, reason `count`,
 * approved by a manager when the person may only count: SC4).
 */
export function StockPanel({
  product,
  onHand,
  access,
}: {
  product: LocalProduct;
  onHand: number;
  /** What the person acting may do: the buttons they may not use are not shown. */
  access: { receive: boolean; count: boolean; adjust: boolean };
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [notice, setNotice] = useState<string | null>(null);
  const batches = useLiveBatchesOf(product.id);

  function open(next: Mode) {
    setNotice(null);
    setMode(next);
  }

  async function receive(quantity: number, lot: ReceivedLot | null) {
    await receiveStock(product.id, quantity, lot);
    requestSync();
    setNotice(t('stock.received', { count: quantity }));
    setMode('idle');
  }

  async function adjust(adjustment: Adjustment) {
    await adjustStock({ productId: product.id, ...adjustment });
    requestSync();
    setNotice(
      t(adjustment.delta < 0 ? 'stock.adjust.removed' : 'stock.adjust.added', {
        count: Math.abs(adjustment.delta),
        reason: t(`stock.adjust.reasons.${adjustment.reason}`),
      }),
    );
    setMode('idle');
  }

  async function count(counted: number, approvedBy: string | undefined) {
    const { delta } = await countStock(product.id, counted, approvedBy);
    if (delta !== 0) requestSync();
    setNotice(delta === 0 ? t('stock.countMatches') : t('stock.counted', { count: counted }));
    setMode('idle');
  }

  return (
    <section
      data-testid="stock-panel"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-bold text-slate-900">{t('stock.title')}</h2>
        <StockFigure onHand={onHand} />
      </div>
      {notice ? (
        <p role="status" className="text-sm text-brand-800">
          {notice}
        </p>
      ) : null}
      <BatchList productId={product.id} canWriteOff={access.adjust} onNotice={setNotice} />
      {mode === 'receive' ? (
        <ReceiveForm onSubmit={receive} onCancel={() => setMode('idle')} />
      ) : mode === 'adjust' ? (
        <AdjustForm
          batches={(batches ?? []).filter((batch) => batch.onHand > 0)}
          onSubmit={adjust}
          onCancel={() => setMode('idle')}
        />
      ) : mode === 'count' ? (
        <CountForm
          label={t('stock.countedLabel')}
          submitLabel={t('stock.save')}
          shown={onHand}
          approvalReason={(counted) => t('stock.countApproval', { name: product.name, counted, shown: onHand })}
          onCounted={count}
          onCancel={() => setMode('idle')}
          testIdPrefix="stock-count"
        />
      ) : (
        <div className="grid grid-cols-2 gap-2">
          {access.receive ? (
            <Button variant="secondary" onClick={() => open('receive')} data-testid="stock-receive">
              {t('stock.receive')}
            </Button>
          ) : null}
          {access.count ? (
            <Button variant="secondary" onClick={() => open('count')} data-testid="stock-count">
              {t('stock.count')}
            </Button>
          ) : null}
          {access.adjust ? (
            <Button variant="secondary" onClick={() => open('adjust')} data-testid="stock-adjust-start">
              {t('stock.adjust.start')}
            </Button>
          ) : null}
        </div>
      )}
    </section>
  );
}
