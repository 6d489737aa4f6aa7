import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveActingUser, useLivePinLockouts, useLiveRoster, type StaffRow } from '../db';
import { useSaleFlow } from '../sales/saleFlowStore';
import { useNavigation } from '../shell/navigationStore';
import { Button } from '../ui/Button';
import { BackIcon, CloseIcon } from '../ui/icons';
import { PinStep } from './PinStep';
import { RosterList } from './RosterList';
import { useCashierSwitcher } from './switcherStore';

/**
 * "Who is selling?": pick a name, type their PIN, and they are the acting user: what
 * this phone records from then on is theirs. Works with no network (the roster and
 * the PIN verifiers are on the phone). Escape goes back, then closes.
 */
export function SwitchCashierDialog() {
  const { t } = useTranslation();
  const hide = useCashierSwitcher((state) => state.hide);
  const roster = useLiveRoster();
  const acting = useLiveActingUser();
  const lockouts = useLivePinLockouts();
  const [person, setPerson] = useState<StaffRow | null>(null);

  function onSwitched() {
    // The new cashier starts at the till, not on the last person's receipt or screen.
    if (useSaleFlow.getState().flow.step === 'done') useSaleFlow.getState().backToCart();
    useNavigation.getState().show('sell');
    hide();
  }

  // On the window, not the dialog: after a step closes, focus may be on nothing in particular.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      if (person) setPerson(null);
      else hide();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [person, hide]);

  const title = person ? t('cashier.enterPin', { name: person.name }) : t('cashier.title');
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="switch-cashier-title"
      data-testid="switch-cashier-dialog"
      className="fixed inset-0 z-20 mx-auto flex max-w-3xl flex-col bg-slate-100"
    >
      <header className="flex items-center gap-1 bg-brand-700 px-1 pt-[max(0.25rem,env(safe-area-inset-top))] pb-1 text-white">
        <Button
          variant="ghost"
          onClick={person ? () => setPerson(null) : hide}
          aria-label={person ? t('cashier.back') : t('cashier.close')}
          data-testid="switch-cashier-back"
          className="w-12 px-0 text-white active:bg-white/10"
        >
          {person ? <BackIcon /> : <CloseIcon />}
        </Button>
        <h2 id="switch-cashier-title" className="min-w-0 truncate text-lg font-bold">
          {title}
        </h2>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
        {person ? (
          <PinStep
            key={person.userId}
            person={person}
            lockedUntil={lockouts?.get(person.userId)}
            onSwitched={onSwitched}
          />
        ) : roster ? (
          <RosterList
            roster={roster}
            actingUserId={acting?.userId}
            lockouts={lockouts ?? new Map()}
            onPick={setPerson}
          />
        ) : null}
      </div>
    </div>
  );
}
