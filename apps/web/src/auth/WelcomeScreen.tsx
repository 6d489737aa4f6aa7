import { useTranslation } from 'react-i18next';
import type { DeviceRemovedNotice } from '../db';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { Button } from '../ui/Button';

interface WelcomeScreenProps {
  /** Set when the owner removed this phone from the shop (and it forgot the shop's data). */
  removed: DeviceRemovedNotice | null;
  onRegister: () => void;
  onSignIn: () => void;
  /** Pharmacies sign in with email, password and two-factor (SPEC ID5–ID9). */
  onEmailRegister: () => void;
  onEmailSignIn: () => void;
}

export function WelcomeScreen({ removed, onRegister, onSignIn, onEmailRegister, onEmailSignIn }: WelcomeScreenProps) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto flex min-h-full max-w-md flex-col bg-gradient-to-b from-brand-700 to-brand-900 text-white">
      {/* The language first: someone who cannot read the screen yet finds theirs here. */}
      <div className="flex justify-end px-4 pt-[max(1rem,env(safe-area-inset-top))]">
        <LanguagePicker />
      </div>
      <div className="flex flex-1 flex-col items-center justify-center gap-5 px-8 text-center">
        <img src="/icons/icon.svg" alt="" className="size-24 rounded-3xl shadow-lg ring-4 ring-white/20" />
        <h1 className="text-3xl font-bold">{t('auth.welcomeTitle')}</h1>
        {/* After a removal, the notice replaces the promise that sales are kept here. */}
        {removed ? (
          <div
            role="status"
            data-testid="device-removed-notice"
            className="rounded-2xl bg-white px-4 py-3 text-left text-slate-900 shadow-lg"
          >
            <p className="font-semibold">{t('auth.removed.title', { shop: removed.businessName })}</p>
            <p className="mt-1 text-sm text-slate-700">{t('auth.removed.text')}</p>
          </div>
        ) : (
          <p className="text-lg text-brand-100">{t('auth.welcomeText')}</p>
        )}
      </div>
      {/* The actions sit at the bottom, where a thumb reaches. */}
      <div className="flex flex-col gap-3 px-5 pb-[max(1.5rem,env(safe-area-inset-bottom))]">
        <Button large variant="light" onClick={onRegister} data-testid="welcome-register" className="w-full">
          {t('auth.registerShop')}
        </Button>
        <p className="text-center text-sm text-brand-100">{t('auth.signInHint')}</p>
        <Button large variant="outlineLight" onClick={onSignIn} data-testid="welcome-sign-in" className="w-full">
          {t('auth.signIn')}
        </Button>
        <div className="mt-1 flex flex-col gap-2 border-t border-white/20 pt-3">
          <Button variant="outlineLight" onClick={onEmailSignIn} data-testid="welcome-email-sign-in" className="w-full">
            {t('account.welcomeSignIn')}
          </Button>
          <Button
            variant="outlineLight"
            onClick={onEmailRegister}
            data-testid="welcome-email-register"
            className="w-full"
          >
            {t('account.welcomeRegister')}
          </Button>
        </div>
      </div>
    </div>
  );
}
