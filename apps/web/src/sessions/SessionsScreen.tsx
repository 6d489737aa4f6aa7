import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { BackIcon } from '../ui/icons';
import { useOnline } from '../ui/useOnline';
import { SessionItem } from './SessionItem';
import { sessionsFailureMessage } from './sessionsFailureMessage';
import { useSessionList } from './useSessionList';

type Notice = { tone: 'ok' | 'error'; text: string };

/**
 * Where the signed-in person is signed in (the whole shop's sessions for someone who manages
 * staff), with "End session" for a lost phone or one they do not recognise. Online only:
 * sessions live on the server.
 */
export function SessionsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { sessions, failure, reload } = useSessionList(online);
  const [notice, setNotice] = useState<Notice | null>(null);
  const now = new Date();

  const loadError = failure && failure.kind !== 'offline' ? failure : null;
  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        <div className="flex items-center gap-1">
          <Button
            variant="ghost"
            onClick={onBack}
            aria-label={t('sessions.back')}
            data-testid="sessions-back"
            className="w-12 px-0"
          >
            <BackIcon />
          </Button>
          <h2 className="text-xl font-bold text-slate-900">{t('sessions.title')}</h2>
        </div>
        <section
          data-testid="sessions-section"
          className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <p className="text-sm text-slate-600">{t('sessions.intro')}</p>
          {!online ? (
            <p
              role="status"
              data-testid="sessions-offline"
              className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
            >
              {t('sessions.offline')}
            </p>
          ) : null}
          {notice ? (
            <p
              role={notice.tone === 'error' ? 'alert' : 'status'}
              data-testid="sessions-message"
              className={`text-sm ${notice.tone === 'error' ? 'text-red-700' : 'text-brand-800'}`}
            >
              {notice.text}
            </p>
          ) : null}
          {loadError ? (
            <p role="alert" data-testid="sessions-load-error" className="text-sm text-red-700">
              {sessionsFailureMessage(loadError, t)}
            </p>
          ) : null}
          {sessions === null ? (
            online ? (
              <p className="text-sm text-slate-500">{t('sessions.loading')}</p>
            ) : null
          ) : sessions.length === 0 ? (
            <p className="text-sm text-slate-500">{t('sessions.empty')}</p>
          ) : (
            <ul data-testid="sessions-list" className="divide-y divide-slate-100">
              {sessions.map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  online={online}
                  now={now}
                  onEnded={(device) => {
                    setNotice({ tone: 'ok', text: t('sessions.endedDone', { device }) });
                    reload();
                  }}
                  onError={(text) => {
                    setNotice({ tone: 'error', text });
                    reload(); // e.g. ended meanwhile on another phone: show the list as it is now
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
