import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRow } from '../db';
import { formatTime } from '../i18n/format';
import { PinPad } from './PinPad';
import type { ActingUser } from '../db';
import { switchCashierByPin, type SwitchResult } from './switchCashier';

interface PinStepProps {
  person: StaffRow;
  /** Until when this person is locked out here, as last read from the device. */
  lockedUntil: string | undefined;
  /** The PIN was right: the person switched in, or approved (`check`). */
  onSwitched: (user: ActingUser) => void;
  /** What a PIN does: switch the person in (default), or approve something (approveByPin). */
  check?: (userId: string, pin: string) => Promise<SwitchResult>;
}

type Outcome = Exclude<SwitchResult, { kind: 'switched' | 'approved' }> | { kind: 'failed'; message: string };

/** One person's PIN, checked on this phone; what went wrong is said under the name. */
export function PinStep({ person, lockedUntil, onSwitched, check = switchCashierByPin }: PinStepProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(lockedUntil ? { kind: 'locked', until: lockedUntil } : null);

  if (!person.pinVerifier) {
    return <Explanation>{t('cashier.noPinExplain', { name: person.name })}</Explanation>;
  }

  async function submit() {
    setChecking(true);
    try {
      const result = await check(person.userId, pin);
      if (result.kind === 'switched' || result.kind === 'approved') {
        onSwitched(result.user);
        return;
      }
      setOutcome(result);
    } catch (error) {
      console.error('PIN not checked', error);
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    setPin('');
    setChecking(false);
  }

  return (
    <div className="flex flex-col gap-3">
      {outcome ? <OutcomeMessage outcome={outcome} name={person.name} /> : null}
      <PinPad
        pin={pin}
        onPinChange={setPin}
        onSubmit={() => void submit()}
        busy={checking}
        label={t('cashier.enterPin', { name: person.name })}
      />
    </div>
  );
}

function OutcomeMessage({ outcome, name }: { outcome: Outcome; name: string }) {
  const { t, i18n } = useTranslation();
  switch (outcome.kind) {
    case 'locked':
      return (
        <Alert testId="pin-lockout">
          {t('cashier.locked', { name, time: formatTime(outcome.until, i18n.language) })}
        </Alert>
      );
    case 'wrong':
      return <Alert testId="pin-wrong">{t('cashier.wrong', { count: outcome.triesLeft, name })}</Alert>;
    case 'no-verifier':
      return <Explanation>{t('cashier.noPinExplain', { name })}</Explanation>;
    case 'unknown':
      return <Alert testId="pin-unknown">{t('cashier.unknown', { name })}</Alert>;
    case 'failed':
      return <Alert testId="pin-failed">{t('cashier.failed', { message: outcome.message })}</Alert>;
  }
}

function Alert({ testId, children }: { testId: string; children: string }) {
  return (
    <p
      role="alert"
      data-testid={testId}
      className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200"
    >
      {children}
    </p>
  );
}

function Explanation({ children }: { children: string }) {
  return (
    <p
      role="status"
      data-testid="pin-unavailable"
      className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      {children}
    </p>
  );
}
