import { useTranslation } from 'react-i18next';
import { cents, formatRands, refundTendersOf } from '@opentill/domain';
import type { LocalRefund } from '../db/database';
import { Button } from '../ui/Button';
import { CheckIcon } from '../ui/icons';

/** Shown once the refund is on disk: what to hand back, and by which tender. */
export function RefundDone({ refund, onDone }: { refund: LocalRefund; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="refund-done" className="flex h-full flex-col px-4 py-4">
      <div className="flex flex-col items-center gap-1 rounded-2xl bg-brand-700 px-4 py-5 text-white shadow-sm">
        <span className="flex size-14 items-center justify-center rounded-full bg-white text-brand-700">
          <CheckIcon className="size-9" />
        </span>
        <p className="text-3xl font-bold">{t(refund.kind === 'void' ? 'refunds.done.void' : 'refunds.done.refund')}</p>
        <p data-testid="refund-amount" className="text-4xl font-bold tabular-nums">
          {formatRands(cents(refund.amount))}
        </p>
      </div>
      <h2 className="mt-4 text-sm font-medium text-slate-700">{t('refunds.done.give')}</h2>
      <ul className="mt-1 flex flex-col gap-1">
        {refundTendersOf(refund).map((tender) => (
          <li
            key={tender.method}
            data-testid="refund-part"
            className="flex justify-between rounded-xl bg-white px-3 py-2 ring-1 ring-slate-200"
          >
            <span>{t(`refunds.tender.${tender.method}`)}</span>
            <span className="font-semibold tabular-nums">{formatRands(cents(tender.amount))}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-500">{t('refunds.done.syncNote')}</p>
      <Button large className="mt-auto w-full" onClick={onDone} data-testid="refund-done-ok">
        {t('refunds.done.ok')}
      </Button>
    </div>
  );
}
