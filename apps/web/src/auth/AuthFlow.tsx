import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveDeviceRemovedNotice } from '../db';
import { Button } from '../ui/Button';
import { BackIcon } from '../ui/icons';
import { RegisterForm } from './RegisterForm';
import { SignInForm } from './SignInForm';
import { WelcomeScreen } from './WelcomeScreen';

type Step = 'welcome' | 'register' | 'sign-in';

/** First run: no session on this phone yet. */
export function AuthFlow() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('welcome');
  // Left by the wipe when the owner removed this phone; cleared by the next sign-in.
  const removed = useLiveDeviceRemovedNotice() ?? null;

  if (step === 'welcome') {
    return (
      <WelcomeScreen removed={removed} onRegister={() => setStep('register')} onSignIn={() => setStep('sign-in')} />
    );
  }
  return (
    <div className="mx-auto flex min-h-full max-w-md flex-col bg-white">
      <header className="flex items-center gap-2 border-b border-slate-200 px-2 py-2">
        <Button variant="ghost" aria-label={t('auth.back')} onClick={() => setStep('welcome')} className="w-12 px-0">
          <BackIcon />
        </Button>
        <h1 className="text-xl font-bold text-slate-900">
          {step === 'register' ? t('auth.registerTitle') : t('auth.signInTitle')}
        </h1>
      </header>
      <main className="flex-1 overflow-y-auto px-4 py-5">
        {step === 'register' ? <RegisterForm /> : <SignInForm />}
      </main>
    </div>
  );
}
