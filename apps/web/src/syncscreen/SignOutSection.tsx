import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOutOfThisPhone } from '../auth/signOutOfThisPhone';
import { unsyncedTotal, type UnsyncedItems } from '../db';
import { Button } from '../ui/Button';

type Step = 'idle' | 'refused' | 'confirm' | 'working';

/**
 * "Sign out of this phone": refused while anything is unsynced (ARCHITECTURE
 * "Sync" 1), otherwise confirmed, then the phone's data is wiped. `waiting` is the
 * live count the screen shows; the wipe itself re-checks in its own transaction.
 */
export function SignOutSection({ waiting }: { waiting: UnsyncedItems }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  const total = unsyncedTotal(waiting);

  function start() {
    setError(null);
    setStep(total > 0 ? 'refused' : 'confirm');
  }

  async function confirm() {
    setStep('working');
    try {
      const result = await signOutOfThisPhone();
      // Signed out: the app shows the welcome screen and this one unmounts.
      if (!result.signedOut) setStep('refused');
    } catch (failure) {
      setError(t('sync.signOut.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
      setStep('idle');
    }
  }

  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h3 className="font-semibold text-slate-900">{t('sync.signOut.title')}</h3>
      <p className="text-sm text-slate-600">{t('sync.signOut.text')}</p>

      {/* Shown from the live count: it goes away once everything has synced or been decided. */}
      {step === 'refused' && total > 0 ? (
        <div
          role="alert"
          data-testid="sign-out-refused"
          data-unsynced={total}
          className="flex flex-col gap-1 rounded-xl bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200"
        >
          <p className="font-semibold">{t('sync.signOut.refused', { count: total })}</p>
          <p>{t('sync.signOut.wouldLose')}</p>
          <ul className="list-disc pl-5">
            {waiting.pending > 0 ? <li>{t('sync.signOut.pending', { count: waiting.pending })}</li> : null}
            {waiting.rejected > 0 ? <li>{t('sync.signOut.rejected', { count: waiting.rejected })}</li> : null}
            {waiting.conflicts > 0 ? <li>{t('sync.signOut.conflicts', { count: waiting.conflicts })}</li> : null}
            {waiting.openCounts > 0 ? <li>{t('sync.signOut.openCounts', { count: waiting.openCounts })}</li> : null}
          </ul>
        </div>
      ) : null}

      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}

      {step === 'confirm' || step === 'working' ? (
        <div className="flex flex-col gap-3 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200">
          <p className="text-sm text-amber-950">{t('sync.signOut.confirm')}</p>
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              disabled={step === 'working'}
              onClick={() => setStep('idle')}
              data-testid="sign-out-cancel"
            >
              {t('sync.signOut.cancel')}
            </Button>
            <Button disabled={step === 'working'} onClick={() => void confirm()} data-testid="sign-out-confirm">
              {step === 'working' ? t('sync.signOut.working') : t('sync.signOut.confirmYes')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={start} data-testid="sign-out" className="w-full">
          {t('sync.signOut.button')}
        </Button>
      )}
    </section>
  );
}
