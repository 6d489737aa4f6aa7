import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveDeviceRemovedNotice } from '../db';
import { loadAccountStrings } from '../i18n';
import { Button } from '../ui/Button';
import { BackIcon } from '../ui/icons';
import { RegisterForm } from './RegisterForm';
import { SignInForm } from './SignInForm';
import { WelcomeScreen } from './WelcomeScreen';

/**
 * Pharmacies only, and online only: its own chunk (with the QR code encoder) and its strings,
 * kept out of the first load.
 */
const EmailAccountFlow = lazy(async () => {
  const [module] = await Promise.all([import('./EmailAccountFlow'), loadAccountStrings()]);
  return { default: module.EmailAccountFlow };
});

type Step = 'welcome' | 'register' | 'sign-in' | 'email-register' | 'email-sign-in';

const TITLES = {
  register: 'auth.registerTitle',
  'sign-in': 'auth.signInTitle',
  'email-register': 'account.registerTitle',
  'email-sign-in': 'account.signInTitle',
} as const;

/** First run: no session on this phone yet. */
export function AuthFlow() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('welcome');
  // Left by the wipe when the owner removed this phone; cleared by the next sign-in.
  const removed = useLiveDeviceRemovedNotice() ?? null;

  if (step === 'welcome') {
    return (
      <WelcomeScreen
        removed={removed}
        onRegister={() => setStep('register')}
        onSignIn={() => setStep('sign-in')}
        onEmailRegister={() => setStep('email-register')}
        onEmailSignIn={() => setStep('email-sign-in')}
      />
    );
  }
  return (
    <div className="mx-auto flex min-h-full max-w-md flex-col bg-white">
      <header className="flex items-center gap-2 border-b border-slate-200 px-2 py-2">
        <Button variant="ghost" aria-label={t('auth.back')} onClick={() => setStep('welcome')} className="w-12 px-0">
          <BackIcon />
        </Button>
        <h1 className="text-xl font-bold text-slate-900">{t(TITLES[step])}</h1>
      </header>
      <main className="flex-1 overflow-y-auto px-4 py-5">
        {step === 'register' ? <RegisterForm /> : null}
        {step === 'sign-in' ? <SignInForm /> : null}
        <Suspense fallback={<p className="text-slate-500">{t('app.loading')}</p>}>
          {step === 'email-register' ? <EmailAccountFlow mode="register" /> : null}
          {step === 'email-sign-in' ? <EmailAccountFlow mode="sign-in" /> : null}
        </Suspense>
      </main>
    </div>
  );
}
