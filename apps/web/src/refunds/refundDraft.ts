import {
  planRefund,
  refundTendersOf,
  type RefundDestination,
  type RefundRequest,
  type RefundTender,
} from '@opentill/domain';
import type { RefundSource } from '../db/refunds';

/** What the cashier has chosen so far on the refund screen. */
export interface RefundDraft {
  /** Units to return per line of the sale, by the line's index; absent: none. */
  picks: Readonly<Record<number, number>>;
  destination: RefundDestination;
  restock: boolean;
  reason: string;
}

export const EMPTY_DRAFT: RefundDraft = { picks: {}, destination: 'original', restock: true, reason: '' };

/** Sets how many of a line come back, kept between none and what is left of it. */
export function pick(draft: RefundDraft, index: number, quantity: number, left: number): RefundDraft {
  return { ...draft, picks: { ...draft.picks, [index]: Math.min(Math.max(Math.trunc(quantity), 0), left) } };
}

/** Everything left of the sale comes back. */
export function pickAll(draft: RefundDraft, left: readonly number[]): RefundDraft {
  return { ...draft, picks: Object.fromEntries(left.map((count, index) => [index, count])) };
}

export const newRefundLocalId = () => `refund_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;

/** The domain's request for this draft: a refund of the picked lines, or a void of the whole sale. */
export function requestOf(
  draft: RefundDraft,
  source: RefundSource,
  kind: RefundRequest['kind'],
  { localId, shiftId, now }: { localId: string; shiftId?: string | undefined; now: Date },
): RefundRequest {
  return {
    localId,
    sale: { deviceId: source.deviceId, localId: source.sale.localId },
    kind,
    picks: Object.entries(draft.picks)
      .filter(([, quantity]) => quantity > 0)
      .map(([index, quantity]) => ({ index: Number(index), quantity })),
    destination: draft.destination,
    restock: draft.restock,
    reason: draft.reason,
    ...(shiftId && { shiftId }),
    createdAt: now.toISOString(),
  };
}

/** What the draft would pay back and where, before a reason is given; null while nothing is picked. */
export function previewOf(
  draft: RefundDraft,
  source: RefundSource,
  kind: RefundRequest['kind'] = 'refund',
): { amount: number; tenders: RefundTender[] } | null {
  const request = requestOf({ ...draft, reason: 'preview' }, source, kind, {
    localId: 'refund_preview00',
    now: new Date(),
  });
  const result = planRefund(source.sale, source.earlier, request);
  return 'refund' in result ? { amount: result.refund.amount, tenders: refundTendersOf(result.refund) } : null;
}
