import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  can,
  cents,
  formatRands,
  planRefund,
  refundableLines,
  tendersOf,
  type Action,
  type RefundRequest,
  type RefundTender,
} from '@opentill/domain';
import { InvalidRecordError, useLiveActingUser, useLiveOpenShift, type ActingUser } from '../db';
import { recordRefund, type RefundSource } from '../db/refunds';
import type { LocalRefund } from '../db/database';
import { formatDateTime } from '../i18n/format';
import { ManagerApproval } from '../sales/ManagerApproval';
import { Button } from '../ui/Button';
import { EMPTY_DRAFT, newRefundLocalId, pick, pickAll, previewOf, requestOf, type RefundDraft } from './refundDraft';
import { RefundLines } from './RefundLines';
import { RefundOptions } from './RefundOptions';

interface RefundPanelProps {
  source: RefundSource;
  onDone: (refund: LocalRefund) => void;
  onBack: () => void;
  /** Opens the sale's receipt again (a reprint, RX2). */
  onReceipt?: () => void;
}

const ACTION_OF: Record<RefundRequest['kind'], Action> = { refund: 'sales:refund', void: 'sales:void' };

/**
 * One sale, and what of it comes back (SPEC RF): lines and counts, where the
 * money goes, whether the goods go back on the shelf, and why. Someone without
 * the permission gets a manager's PIN on the spot, who then is the one who did it.
 */
export function RefundPanel({ source, onDone, onBack, onReceipt }: RefundPanelProps) {
  const { t, i18n } = useTranslation();
  const acting = useLiveActingUser();
  const shift = useLiveOpenShift();
  const [draft, setDraft] = useState<RefundDraft>(EMPTY_DRAFT);
  const [approving, setApproving] = useState<RefundRequest['kind'] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const left = refundableLines(source.sale, source.earlier);
  const preview = previewOf(draft, source);
  const voidable = source.earlier.length === 0 && !!source.ownShiftId && source.ownShiftId === shift?.localId;
  const voidAmount = source.sale.totalAmount - (source.sale.rounding ?? 0);
  const describe = (tenders: readonly Pick<RefundTender, 'method' | 'amount'>[]) =>
    tenders.map((tender) => `${t(`refunds.tender.${tender.method}`)} ${formatRands(cents(tender.amount))}`).join(', ');

  async function save(kind: RefundRequest['kind'], approver?: ActingUser) {
    const request = requestOf(draft, source, kind, {
      localId: newRefundLocalId(),
      shiftId: shift?.localId,
      now: new Date(),
    });
    const planned = planRefund(source.sale, source.earlier, request);
    if ('problems' in planned) return setProblems(planned.problems);
    setSaving(true);
    try {
      onDone(await recordRefund(source, planned.refund, approver?.userId));
    } catch (error) {
      setProblems(error instanceof InvalidRecordError ? error.problems : [String(error)]);
    } finally {
      setSaving(false);
    }
  }

  function start(kind: RefundRequest['kind']) {
    setProblems([]);
    if (acting && can(acting.role, ACTION_OF[kind])) void save(kind);
    else setApproving(kind);
  }

  if (approving) {
    const amount = formatRands(cents(approving === 'void' ? voidAmount : (preview?.amount ?? 0)));
    return (
      <div className="h-full overflow-y-auto px-4 py-4">
        <ManagerApproval
          action={ACTION_OF[approving]}
          reason={t(approving === 'void' ? 'refunds.approveVoid' : 'refunds.approveRefund', { amount })}
          onApproved={(approver) => {
            setApproving(null);
            void save(approving, approver);
          }}
          onCancel={() => setApproving(null)}
        />
      </div>
    );
  }

  return (
    <div data-testid="refund-panel" className="flex h-full flex-col">
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        <div className="flex items-start gap-2">
          <Button variant="ghost" onClick={onBack} className="-ml-3">
            ‹ {t('refunds.back')}
          </Button>
          <div className="min-w-0 flex-1 text-right">
            <p data-testid="refund-receipt" className="font-mono font-bold text-slate-900">
              {source.receiptNumber ?? t('refunds.noNumber')}
            </p>
            <p className="text-sm text-slate-500">
              {t('refunds.soldAt', { when: formatDateTime(source.sale.createdAt, i18n.language) })}
            </p>
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {t('refunds.total', { amount: formatRands(cents(source.sale.totalAmount)) })} ·{' '}
          {t('refunds.paidWith', { tenders: describe(tendersOf(source.sale)) })}
        </p>
        {onReceipt ? (
          <Button variant="secondary" className="mt-2 w-full" onClick={onReceipt} data-testid="receipt-reprint">
            {t('receipts.reprint')}
          </Button>
        ) : null}

        <RefundLines
          lines={source.sale.items}
          left={left}
          picks={draft.picks}
          onPick={(index, quantity) => setDraft((current) => pick(current, index, quantity, left[index] ?? 0))}
        />
        {left.some((count) => count > 0) ? (
          <Button
            variant="secondary"
            className="mt-2 w-full"
            onClick={() => setDraft((current) => pickAll(current, left))}
          >
            {t('refunds.all')}
          </Button>
        ) : null}

        <RefundOptions
          draft={draft}
          original={preview && draft.destination === 'original' ? describe(preview.tenders) : null}
          storeCredit={!!source.sale.customerId}
          onChange={setDraft}
        />

        {problems.length > 0 ? (
          <p role="alert" className="mt-3 rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
            {t('refunds.notSaved', { problems: problems.join(' ') })}
          </p>
        ) : null}
        {voidable ? (
          <div className="mt-4 rounded-xl bg-white p-3 ring-1 ring-slate-200">
            <p className="text-sm text-slate-600">{t('refunds.voidHelp')}</p>
            <Button
              variant="danger"
              className="mt-2 w-full"
              disabled={saving || !draft.reason.trim()}
              onClick={() => start('void')}
              data-testid="void-sale"
            >
              {t('refunds.void')}
            </Button>
          </div>
        ) : null}
      </div>
      <div className="border-t border-slate-200 bg-white px-4 py-3">
        <Button
          large
          className="w-full"
          disabled={saving || !preview || !draft.reason.trim()}
          onClick={() => start('refund')}
          data-testid="refund-confirm"
        >
          {t('refunds.refund', { amount: formatRands(cents(preview?.amount ?? 0)) })}
        </Button>
      </div>
    </div>
  );
}
