import { useTranslation } from 'react-i18next';
import type { StaffRow } from '../db';
import { formatTime } from '../i18n/format';

interface RosterListProps {
  roster: readonly StaffRow[];
  actingUserId: string | undefined;
  lockouts: ReadonlyMap<string, string>;
  onPick: (person: StaffRow) => void;
}

/** Everyone who may sell on this phone, as big rows; who sells now, who is locked out, who cannot switch in. */
export function RosterList({ roster, actingUserId, lockouts, onPick }: RosterListProps) {
  const { t, i18n } = useTranslation();
  if (roster.length === 0) {
    return (
      <p role="status" className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
        {t('cashier.rosterMissing')}
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2">
      {roster.map((person) => {
        const lockedUntil = lockouts.get(person.userId);
        const status =
          person.userId === actingUserId
            ? t('cashier.sellingNow')
            : lockedUntil
              ? t('cashier.lockedUntil', { time: formatTime(lockedUntil, i18n.language) })
              : person.pinVerifier === null
                ? t('cashier.noPin')
                : '';
        return (
          <li key={person.userId}>
            <button
              type="button"
              onClick={() => onPick(person)}
              data-testid="cashier-option"
              className="flex min-h-16 w-full items-center justify-between gap-3 rounded-xl bg-white px-4 py-2 text-left shadow-sm ring-1 ring-slate-200 active:bg-slate-50"
            >
              <span className="min-w-0">
                <span className="block truncate text-lg font-semibold text-slate-900">{person.name}</span>
                <span className="block text-sm text-slate-500">{t(`roles.${person.role}`)}</span>
              </span>
              {status ? <span className="shrink-0 text-right text-sm text-slate-600">{status}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
