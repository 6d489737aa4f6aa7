import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge, formatDateTime } from '../i18n/format';
import { Button } from '../ui/Button';
import { browserOf } from './browserOf';
import { EndSessionConfirm } from './EndSessionConfirm';
import type { SessionRecord } from './sessionsApi';

interface SessionItemProps {
  session: SessionRecord;
  online: boolean;
  now: Date;
  onEnded: (device: string) => void;
  onError: (message: string) => void;
}

/** One session: on what, whose, when last used, from where; "End session" for any but this phone's own. */
export function SessionItem({ session, online, now, onEnded, onError }: SessionItemProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const browser = browserName(session.userAgent, t);
  const device = session.deviceName ?? browser ?? t('sessions.unnamed');
  const from = [session.ip ? t('sessions.from', { ip: session.ip }) : null, session.deviceName ? browser : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li
      data-testid="session-row"
      data-session-id={session.id}
      data-device-id={session.deviceId ?? ''}
      data-current={session.current}
      className="flex flex-col gap-2 py-3"
    >
      <div className="flex min-h-12 items-center justify-between gap-3">
        <span className="min-w-0">
          <span className="block truncate font-semibold text-slate-900">
            {device}
            {session.current ? <span className="font-normal text-brand-800"> · {t('sessions.thisPhone')}</span> : null}
          </span>
          <span className="block text-sm text-slate-500">
            {t('sessions.signedInBy', {
              name: session.userName,
              date: formatDateTime(session.createdAt, i18n.language),
            })}
          </span>
          <span className="block text-sm text-slate-500">
            {t('sessions.lastUsed', { age: formatAge(session.lastUsedAt, i18n.language, now) })}
          </span>
          {from ? <span className="block truncate text-sm text-slate-500">{from}</span> : null}
        </span>
        {!session.current && !confirming ? (
          <Button
            variant="secondary"
            disabled={!online}
            onClick={() => setConfirming(true)}
            data-testid="session-end"
            className="shrink-0"
          >
            {t('sessions.end')}
          </Button>
        ) : null}
      </div>
      {session.current ? <p className="text-sm text-slate-600">{t('sessions.thisPhoneHint')}</p> : null}
      {confirming ? (
        <EndSessionConfirm
          sessionId={session.id}
          person={session.userName}
          device={device}
          online={online}
          onCancel={() => setConfirming(false)}
          onEnded={() => onEnded(device)}
          onError={onError}
        />
      ) : null}
    </li>
  );
}

function browserName(userAgent: string | null, t: TFunction): string | null {
  const guess = browserOf(userAgent);
  return guess ? t('sessions.browserOn', { browser: guess.browser, system: guess.system }) : null;
}
