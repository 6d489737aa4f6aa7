import { useTranslation } from 'react-i18next';
import type { RefundExceedsConflict } from '../db';
import { dismissConflict } from '../db/conflicts';
import { ConfirmedDismiss } from './ConfirmedDismiss';

interface RefundExceedsItemProps {
  opId: string;
  conflict: RefundExceedsConflict;
  names: ReadonlyMap<string, string>;
}

/**
 * A refund of this phone that its sale does not cover (more units than are left
 * to refund, or a higher price): the server kept it for a manager and moved no
 * stock. Shows what was over, and "Dismiss" (confirmed).
 */
export function RefundExceedsItem({ opId, conflict, names }: RefundExceedsItemProps) {
  const { t } = useTranslation();
  const nameOf = (productId: string) => names.get(productId) ?? t('sync.screen.unknownProduct');
  return (
    <article
      data-testid="refund-exceeds-item"
      className="flex flex-col gap-2 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      {conflict.excess.map((entry) => (
        <p key={entry.productId} className="font-medium">
          {entry.requested > entry.refundable
            ? t('sync.screen.refundExceedsTitle', {
                name: nameOf(entry.productId),
                requested: entry.requested,
                refundable: entry.refundable,
              })
            : t('sync.screen.refundOverpriced', { name: nameOf(entry.productId) })}
        </p>
      ))}
      <p>{t('sync.screen.refundExceedsKept')}</p>
      <ConfirmedDismiss
        dismiss={() => dismissConflict(opId)}
        testId="refund-exceeds-dismiss"
        stepClassName="bg-white text-slate-800 ring-1 ring-amber-200"
      >
        <p>{t('sync.screen.refundExceedsDismissExplain')}</p>
      </ConfirmedDismiss>
    </article>
  );
}
