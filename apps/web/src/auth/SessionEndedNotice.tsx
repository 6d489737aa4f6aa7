import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSessionEnd } from '../db';
import { Button } from '../ui/Button';
import { SignInAgainDialog } from './SignInAgainDialog';

/**
 * Shown while the session is over (the server refused a refresh for good: ended on another
 * phone, the person disabled, ...). Nothing was deleted: it says what waits to be sent and leads
 * to signing in again as this same device, after which the queue goes out.
 */
export function SessionEndedNotice() {
  const { t } = useTranslation();
  const ended = useLiveSessionEnd();
  const [signingIn, setSigningIn] = useState(false);
  if (!ended) return null;

  const shop = ended.businessName;
  return (
    <>
      <div
        role="alert"
        data-testid="session-ended"
        data-unsent-sales={ended.unsentSales}
        className="flex flex-col gap-2 bg-amber-50 px-3 py-3 text-sm text-amber-950 ring-1 ring-amber-200"
      >
        <p className="font-semibold">{t('auth.sessionEnded.title', { shop })}</p>
        <p>
          {ended.unsentSales > 0
            ? t('auth.sessionEnded.unsentSales', { count: ended.unsentSales })
            : t('auth.sessionEnded.nothingUnsent')}
          {ended.unsentOther > 0 ? ` ${t('auth.sessionEnded.unsentOther', { count: ended.unsentOther })}` : null}
        </p>
        <p>{t('auth.sessionEnded.keepSelling')}</p>
        <Button onClick={() => setSigningIn(true)} data-testid="session-ended-sign-in" className="w-full">
          {t('auth.sessionEnded.signInAgain')}
        </Button>
      </div>
      {signingIn ? <SignInAgainDialog ended={ended} onClose={() => setSigningIn(false)} /> : null}
    </>
  );
}
