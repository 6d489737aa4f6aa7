import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

/** The Sync screen's way in to the sessions list ("My account"): where you are signed in. */
export function SessionsEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h3 className="font-semibold text-slate-900">{t('sessions.entryTitle')}</h3>
      <p className="text-sm text-slate-600">{t('sessions.entryText')}</p>
      <Button variant="secondary" onClick={onOpen} data-testid="sessions-open" className="w-full">
        {t('sessions.open')}
      </Button>
    </section>
  );
}
