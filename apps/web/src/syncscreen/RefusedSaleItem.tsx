import { useTranslation } from 'react-i18next';
import { cents, formatRands } from '@opentill/domain';
import type { LocalSale, OutOfStockConflict } from '../db';
import { dismissRefusedSale } from '../db/conflicts';
import { ConfirmedDismiss } from './ConfirmedDismiss';

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
  const nameOf = (productId: string) =>
    sale?.items.find((item) => item.productId === productId)?.name ?? t('sync.screen.unknownProduct');

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
      <ConfirmedDismiss
        dismiss={() => dismissRefusedSale(opId)}
        testId="refused-sale-dismiss"
        stepClassName="bg-white text-slate-800 ring-1 ring-red-200"
      >
        <p>{t('sync.screen.refusedDismissExplain')}</p>
      </ConfirmedDismiss>
    </article>
  );
}
