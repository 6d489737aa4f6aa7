import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DENOMINATIONS, cents, countedCash, formatRands, type CashCount } from '@opentill/domain';
import { Button } from '../ui/Button';

/**
 * SH3: the cashier counts notes and coins per denomination and sees only what
 * they counted, never what the till expects: the count is honest, the Z report
 * then shows the difference.
 */
export function BlindCount({ onCount, onCancel }: { onCount: (count: CashCount) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [pieces, setPieces] = useState<Record<string, string>>({});
  const count: CashCount = {};
  let valid = true;
  for (const denomination of DENOMINATIONS) {
    const typed = (pieces[denomination] ?? '').trim();
    if (typed === '') continue;
    if (!/^\d{1,5}$/.test(typed)) valid = false;
    else count[String(denomination) as keyof CashCount] = Number(typed);
  }
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onCount(count);
      }}
    >
      <p className="text-sm text-slate-700">{t('shift.countHelp')}</p>
      <div className="grid grid-cols-2 gap-2">
        {DENOMINATIONS.map((denomination) => (
          <label
            key={denomination}
            className="flex items-center justify-between gap-2 rounded-lg bg-white px-3 py-1 ring-1 ring-slate-200"
          >
            <span className="text-sm font-medium">{formatRands(cents(denomination))}</span>
            <input
              inputMode="numeric"
              value={pieces[denomination] ?? ''}
              onChange={(event) => setPieces({ ...pieces, [denomination]: event.target.value })}
              data-testid={`count-${denomination}`}
              aria-label={t('shift.pieces', { denomination: formatRands(cents(denomination)) })}
              className="min-h-11 w-16 rounded-lg border border-slate-300 px-2 text-right text-lg"
            />
          </label>
        ))}
      </div>
      <p data-testid="count-total" className="text-right text-lg font-bold">
        {t('shift.countedTotal', { amount: formatRands(cents(countedCash(count))) })}
      </p>
      {valid ? null : <p className="text-sm text-red-700">{t('shift.badCount')}</p>}
      <Button type="submit" disabled={!valid} data-testid="count-confirm">
        {t('shift.closeShift')}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {t('shift.back')}
      </Button>
    </form>
  );
}
