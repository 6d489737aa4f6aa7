import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSession } from '../db';
import { useOnline } from '../ui/useOnline';
import { BatchLines } from './BatchLines';
import { listBranchStock, type BranchStock } from './branchStockApi';

/**
 * BT14: a product's stock at every branch of the shop, with each branch's batches: where to ask
 * for a transfer when this one runs short. The server's figures at the moment of asking, online
 * only; hidden in a shop of one branch, where the stock panel above says it all.
 */
export default function BranchStockPanel({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const thisBranch = useLiveSession()?.branch.id;
  const [branches, setBranches] = useState<BranchStock[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void listBranchStock(productId).then((result) => {
      if (!current) return;
      setFailed(!result.ok);
      if (result.ok) setBranches(result.value);
    });
    return () => {
      current = false;
    };
  }, [online, productId]);

  if (branches !== null && branches.length < 2) return null;
  return (
    <section
      data-testid="branch-stock"
      aria-labelledby="branch-stock-title"
      className="flex flex-col gap-1 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="branch-stock-title" className="text-lg font-bold text-slate-900">
        {t('stock.byBranch.title')}
      </h2>
      {!online ? <p className="text-sm text-amber-800">{t('stock.byBranch.offline')}</p> : null}
      {failed ? <p className="text-sm text-red-700">{t('stock.byBranch.failed')}</p> : null}
      {branches === null ? null : (
        <ul className="divide-y divide-slate-100">
          {branches.map((branch) => (
            <li key={branch.branchId} data-testid="branch-stock-row" className="py-2">
              <p className="flex items-baseline justify-between gap-2">
                <span className="truncate font-semibold text-slate-900">
                  {branch.branchName}
                  {branch.branchId === thisBranch ? (
                    <span className="ml-2 text-sm font-normal text-brand-800">{t('stock.byBranch.thisTill')}</span>
                  ) : null}
                </span>
                <span data-testid="branch-stock-on-hand" className="shrink-0 tabular-nums text-slate-900">
                  {t('stock.byBranch.onHand', { count: branch.onHand })}
                </span>
              </p>
              {branch.batches.length > 0 ? (
                <BatchLines
                  batches={branch.batches.map((batch) => ({ ...batch, key: batch.lot }))}
                  testId="branch-stock-batches"
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
