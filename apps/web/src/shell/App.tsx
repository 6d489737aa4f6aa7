import { useTranslation } from 'react-i18next';
import { AuthFlow } from '../auth/AuthFlow';
import { useLiveSession } from '../db';
import { Shell } from './Shell';
import { useForgetUiWhenSessionEnds } from './useForgetUiWhenSessionEnds';

/** First run (no session on this phone) shows the welcome; otherwise the till. */
export function App() {
  const { t } = useTranslation();
  const session = useLiveSession();
  useForgetUiWhenSessionEnds(session);
  if (session === undefined) {
    return <p className="flex h-full items-center justify-center text-slate-500">{t('app.loading')}</p>;
  }
  return session === null ? <AuthFlow /> : <Shell session={session} />;
}
