import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

interface WelcomeScreenProps {
  onRegister: () => void;
  onSignIn: () => void;
}

export function WelcomeScreen({ onRegister, onSignIn }: WelcomeScreenProps) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto flex min-h-full max-w-md flex-col bg-gradient-to-b from-brand-700 to-brand-900 text-white">
      <div className="flex flex-1 flex-col items-center justify-center gap-5 px-8 text-center">
        <img src="/icons/icon.svg" alt="" className="size-24 rounded-3xl shadow-lg ring-4 ring-white/20" />
        <h1 className="text-3xl font-bold">{t('auth.welcomeTitle')}</h1>
        <p className="text-lg text-brand-100">{t('auth.welcomeText')}</p>
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
      </div>
    </div>
  );
}
