import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countVariances, type StockCount } from '@opentill/domain';
import { approveCount, recountLines } from '../db/stockCounts';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';

interface CountReviewProps {
  count: StockCount;
  /** Who approves (the acting person with `stock:approve`, or a manager who gave their PIN). */
  approverId: string;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * SC3: the approver sees each product's figure, count and difference (differences first) and either books
 * them, one adjustment per product that differs, or sends chosen lines back to be counted again.
 */
export function CountReview({ count, approverId, onDone, onError }: CountReviewProps) {
  const { t } = useTranslation();
  const [again, setAgain] = useState<ReadonlySet<string>>(new Set());
  const lines = countVariances(count).sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance));
  const differing = lines.filter((line) => line.variance !== 0).length;

  function toggle(productId: string) {
    setAgain((current) => {
      const next = new Set(current);
      if (!next.delete(productId)) next.add(productId);
      return next;
    });
  }

  async function approve() {
    try {
      const booked = await approveCount(count.id, approverId);
      requestSync();
      onDone(t('counts.approved', { count: booked }));
    } catch {
      onError(t('counts.errors.approveFailed'));
    }
  }

  async function sendBack() {
    await recountLines(count.id, [...again]);
    onDone(t('counts.sentBack', { count: again.size }));
  }

  return (
    <div className="flex flex-col gap-2" data-testid="count-review">
      <p className="text-sm text-slate-700">{t('counts.reviewIntro', { count: differing })}</p>
      <ul className="divide-y divide-slate-100">
        {lines.map((line) => (
          <li key={line.productId} data-testid="count-review-line" className="flex items-center gap-3 py-2">
            <span className="min-w-0 flex-1">
              <span className="block truncate text-slate-900">{line.name}</span>
              <span className="block text-sm text-slate-600 tabular-nums">
                {t('counts.figures', { expected: line.expected, counted: line.counted })}
              </span>
            </span>
            <span
              className={`font-semibold tabular-nums ${line.variance === 0 ? 'text-slate-500' : 'text-red-700'}`}
              data-testid="count-review-difference"
            >
              {signed(line.variance)}
            </span>
            <label className="flex items-center gap-1 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={again.has(line.productId)}
                onChange={() => toggle(line.productId)}
                data-testid="count-review-again"
                className="size-5"
              />
              {t('counts.again')}
            </label>
          </li>
        ))}
      </ul>
      {again.size > 0 ? (
        <Button variant="secondary" onClick={() => void sendBack()} data-testid="count-send-back">
          {t('counts.sendBack', { count: again.size })}
        </Button>
      ) : (
        <Button onClick={() => void approve()} data-testid="count-approve">
          {t('counts.approve', { count: differing })}
        </Button>
      )}
    </div>
  );
}
