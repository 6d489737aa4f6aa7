import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveOpenShift } from '../db';
import { loadLaterStrings } from '../i18n';
import { formatTime } from '../i18n/format';

// The shift screens load on first use: the first screen's budget.
const ShiftDialog = lazy(async () => {
  const [module] = await Promise.all([import('./ShiftDialog'), loadLaterStrings()]);
  return { default: module.ShiftDialog };
});

/** A slim line over the sale screen: the open shift, or a way to open one (SPEC SH). */
export function ShiftBar() {
  const { t, i18n } = useTranslation();
  const shift = useLiveOpenShift();
  const [open, setOpen] = useState(false);
  if (shift === undefined) return null;
  return (
    <>
      <div data-testid="shift-bar" className="flex items-center justify-between px-3 pt-2 text-sm text-slate-600">
        <span>
          {shift ? t('shift.openSince', { time: formatTime(shift.openedAt, i18n.language) }) : t('shift.none')}
        </span>
        <button
          type="button"
          onClick={() => setOpen(true)}
          data-testid="shift-button"
          className="min-h-9 rounded-lg px-2 font-medium text-brand-800 active:bg-brand-50"
        >
          {shift ? t('shift.manage') : t('shift.open')}
        </button>
      </div>
      {open ? (
        <Suspense fallback={null}>
          <ShiftDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
