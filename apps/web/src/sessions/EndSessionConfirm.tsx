import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { endSession } from './sessionsApi';
import { sessionsFailureMessage } from './sessionsFailureMessage';

interface EndSessionConfirmProps {
  sessionId: string;
  /** Whose session, and on what, as the row names them. */
  person: string;
  device: string;
  online: boolean;
  onCancel: () => void;
  onEnded: () => void;
  onError: (message: string) => void;
}

/** The step before ending a session: what happens on that phone, and that its sales are not lost. */
export function EndSessionConfirm({
  sessionId,
  person,
  device,
  online,
  onCancel,
  onEnded,
  onError,
}: EndSessionConfirmProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);

  async function end() {
    setBusy(true);
    const result = await endSession(sessionId);
    setBusy(false);
    if (result.ok) onEnded();
    else onError(sessionsFailureMessage(result.failure, t));
  }

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      data-testid="session-end-confirm"
      className="flex flex-col gap-3 rounded-xl bg-red-50 p-3 ring-1 ring-red-200"
    >
      <p id={titleId} className="font-semibold text-red-900">
        {t('sessions.confirmTitle', { name: person, device })}
      </p>
      <p className="text-sm text-red-900">{t('sessions.confirmBody')}</p>
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-testid="session-end-cancel">
          {t('sessions.cancel')}
        </Button>
        <Button variant="danger" onClick={() => void end()} disabled={!online || busy} data-testid="session-end-yes">
          {busy ? t('sessions.ending') : t('sessions.confirm')}
        </Button>
      </div>
    </div>
  );
}
