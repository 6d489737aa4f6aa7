import { useTranslation } from 'react-i18next';
import { useLiveActingUser } from '../db';
import { PersonIcon } from '../ui/icons';
import { useCashierSwitcher } from './switcherStore';

/** The header's "who is selling" chip: always in reach, it opens the switch-cashier screen. */
export function CashierButton() {
  const { t } = useTranslation();
  const acting = useLiveActingUser();
  const show = useCashierSwitcher((state) => state.show);
  const name = acting?.name ?? t('cashier.nobody');
  return (
    <button
      type="button"
      onClick={show}
      aria-label={t('cashier.switchLabel', { name })}
      title={t('cashier.switch')}
      data-testid="switch-cashier"
      className="-my-1 flex min-h-11 max-w-32 min-w-11 items-center gap-1 rounded-full bg-white/15 px-3 text-sm font-semibold active:bg-white/25"
    >
      <PersonIcon className="size-4 shrink-0" />
      {/* The first name is enough to tell the cashiers apart at a glance; the label has the full name. The chip
          gives way (the name truncates) when the header is full: offline with sales waiting and the alerts bell. */}
      <span data-testid="acting-user" className="truncate">
        {name.split(' ')[0]}
      </span>
    </button>
  );
}
