import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionEnd } from '../db';
import { Button } from '../ui/Button';
import { CloseIcon } from '../ui/icons';
import type { AuthFailure } from './authApi';
import { SignInForm } from './SignInForm';

interface SignInAgainDialogProps {
  ended: SessionEnd;
  onClose: () => void;
}

/**
 * The sign-in form over the till, signing in as the device this phone already is: its queue
 * (numbered and chained for that device) then goes out under the new session. Closes by itself
 * on success, since the notice that opened it goes with the ended session.
 */
export function SignInAgainDialog({ ended, onClose }: SignInAgainDialogProps) {
  const { t } = useTranslation();
  const shop = ended.businessName;

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  // Another shop's owner: the server knows this device as the first shop's and refuses it.
  function describeFailure(failure: AuthFailure): string | null {
    return failure.kind === 'server' && failure.code === 'OT_ERR_DEVICE_TAKEN'
      ? t('auth.sessionEnded.otherShop', { shop })
      : null;
  }

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="sign-in-again-title"
      data-testid="sign-in-again-dialog"
      className="fixed inset-0 z-20 mx-auto flex max-w-3xl flex-col bg-white"
    >
      <header className="flex items-center gap-1 bg-brand-700 px-1 pt-[max(0.25rem,env(safe-area-inset-top))] pb-1 text-white">
        <Button
          variant="ghost"
          onClick={onClose}
          aria-label={t('auth.sessionEnded.close')}
          data-testid="sign-in-again-close"
          className="w-12 px-0 text-white active:bg-white/10"
        >
          <CloseIcon />
        </Button>
        <h2 id="sign-in-again-title" className="min-w-0 truncate text-lg font-bold">
          {t('auth.sessionEnded.dialogTitle', { shop })}
        </h2>
      </header>
      <main className="min-h-0 flex-1 overflow-y-auto px-4 py-5">
        <p className="mb-4 text-sm text-slate-700">{t('auth.sessionEnded.dialogText', { shop })}</p>
        <SignInForm deviceId={ended.deviceId} describeFailure={describeFailure} />
      </main>
    </div>
  );
}
