import { useTranslation } from 'react-i18next';
import { cents, formatRands, type SaleLine } from '@opentill/domain';

interface RefundLinesProps {
  lines: readonly SaleLine[];
  /** Units of each line not yet returned. */
  left: readonly number[];
  picks: Readonly<Record<number, number>>;
  onPick: (index: number, quantity: number) => void;
}

/** The sale's lines, each with how many come back: − and + within what is left (a weighed line is one item). */
export function RefundLines({ lines, left, picks, onPick }: RefundLinesProps) {
  const { t } = useTranslation();
  return (
    <ul className="mt-3 flex flex-col gap-2">
      {lines.map((line, index) => {
        const remaining = left[index] ?? 0;
        const picked = picks[index] ?? 0;
        return (
          <li
            key={index}
            data-testid="refund-line"
            className="flex items-center gap-2 rounded-xl bg-white px-3 py-2 ring-1 ring-slate-200"
          >
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium text-slate-900">{line.name}</p>
              <p className="text-sm text-slate-500">
                {t('refunds.line', { quantity: line.quantity, price: formatRands(cents(line.price)) })} ·{' '}
                {remaining > 0 ? t('refunds.left', { count: remaining }) : t('refunds.allReturned')}
              </p>
            </div>
            {remaining > 0 ? (
              <div
                className="flex items-center gap-1"
                aria-label={t('refunds.returning', { count: picked, name: line.name })}
              >
                <StepButton
                  label={t('refunds.fewer', { name: line.name })}
                  disabled={picked === 0}
                  onClick={() => onPick(index, picked - 1)}
                >
                  −
                </StepButton>
                <span data-testid="refund-count" className="w-8 text-center text-lg font-bold tabular-nums">
                  {picked}
                </span>
                <StepButton
                  label={t('refunds.more', { name: line.name })}
                  disabled={picked >= remaining}
                  onClick={() => onPick(index, picked + 1)}
                >
                  +
                </StepButton>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function StepButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className="size-11 rounded-xl bg-slate-100 text-xl font-bold text-brand-800 active:bg-brand-50 disabled:text-slate-300"
    >
      {children}
    </button>
  );
}
