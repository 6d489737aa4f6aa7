import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { totpCodeSchema, type MfaStartResponse } from '@opentill/domain';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import type { AuthFailure } from './authApi';
import { confirmMfa, startMfa, type Answer } from './accountApi';
import { Notice, failureMessage } from './CredentialsForm';
import type { PendingAccount, TokenAnswer } from './pendingAccount';
import { QrCode } from './QrCode';

type Stage =
  { kind: 'intro' } | { kind: 'scan'; enrolment: MfaStartResponse } | { kind: 'codes'; recoveryCodes: string[] };

/** The key in groups of four, as authenticator apps show it: easier to copy by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Two-factor enrolment right after an email sign-in (SPEC ID8, ID9): scan the QR code (or type the
 * key), confirm a code, save the recovery codes; then a refresh gives the session the owner's
 * actions and the phone keeps it, which opens the till.
 */
export function MfaEnrolment({ account }: { account: PendingAccount }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'intro' });
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const [ended, setEnded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [invalidCode, setInvalidCode] = useState(false);

  /** Calls the API with a fresh token; a session that ended can only be signed in again. */
  async function withToken<T>(call: (token: string) => Promise<Answer<T>>): Promise<T | null> {
    const token: TokenAnswer = await account.token();
    if (!token.ok) {
      if (token.reason === 'ended') setEnded(true);
      else setFailure({ kind: 'unreachable' });
      return null;
    }
    const answer = await call(token.token);
    if (!answer.ok) {
      setFailure(answer.failure);
      return null;
    }
    return answer.value;
  }

  /** A new secret each time: the app must hold the one the server confirms against. */
  async function onStart() {
    setBusy(true);
    setFailure(null);
    const enrolment = await withToken(startMfa);
    setBusy(false);
    if (enrolment) setStage({ kind: 'scan', enrolment });
  }

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = totpCodeSchema.safeParse(code);
    setInvalidCode(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setFailure(null);
    const confirmed = await withToken((token) => confirmMfa(token, parsed.data));
    setBusy(false);
    setCode('');
    if (confirmed) setStage({ kind: 'codes', recoveryCodes: confirmed.recoveryCodes });
  }

  async function onSaved() {
    setBusy(true);
    setFailure(null);
    try {
      const finished = await account.finish();
      // Kept on the phone: the app opens the till and this screen goes.
      if (finished.ok) return;
      if (finished.reason === 'ended') setEnded(true);
      else setFailure({ kind: 'unreachable' });
    } catch (error) {
      console.error('Could not store the session', error);
      setFailure({ kind: 'unexpected' });
    }
    setBusy(false);
  }

  if (ended) return <Notice tone="error">{t('account.failures.ended')}</Notice>;

  if (stage.kind === 'intro') {
    return (
      <div className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">{t('account.enrol.title')}</h2>
        <p className="text-sm text-slate-700">{t('account.enrol.intro')}</p>
        {failure ? <Notice tone="error">{failureMessage(failure, t)}</Notice> : null}
        <Button large disabled={busy} onClick={() => void onStart()} data-testid="mfa-start" className="w-full">
          {busy ? t('auth.working') : t('account.enrol.start')}
        </Button>
      </div>
    );
  }

  if (stage.kind === 'codes') {
    return (
      <div className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">{t('account.recovery.title')}</h2>
        <p className="text-sm text-slate-700">{t('account.recovery.text')}</p>
        <ol
          data-testid="recovery-codes"
          className="grid grid-cols-2 gap-2 rounded-xl bg-slate-50 p-4 font-mono text-lg text-slate-900 ring-1 ring-slate-200"
        >
          {stage.recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode} data-testid="recovery-code-item" className="select-all">
              {recoveryCode}
            </li>
          ))}
        </ol>
        {failure ? <Notice tone="error">{failureMessage(failure, t)}</Notice> : null}
        <Button large disabled={busy} onClick={() => void onSaved()} data-testid="recovery-saved" className="w-full">
          {busy ? t('account.recovery.finishing') : t('account.recovery.saved')}
        </Button>
      </div>
    );
  }

  const { secret, otpauthUri } = stage.enrolment;
  return (
    <form noValidate onSubmit={(event) => void onConfirm(event)} className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-slate-900">{t('account.enrol.title')}</h2>
      <p className="text-sm font-medium text-slate-900">{t('account.enrol.scan')}</p>
      <QrCode
        value={otpauthUri}
        label={t('account.enrol.qrLabel')}
        data-testid="mfa-qr"
        className="mx-auto size-56 rounded-xl ring-1 ring-slate-200"
      />
      <p className="text-sm text-slate-700">{t('account.enrol.manual')}</p>
      <p
        data-testid="mfa-secret"
        className="rounded-xl bg-slate-50 px-3 py-2 text-center font-mono text-base text-slate-900 select-all ring-1 ring-slate-200"
      >
        {grouped(secret)}
      </p>
      <Field
        label={t('account.enrol.enterCode')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        error={invalidCode ? t('account.code.errors.code') : undefined}
        data-testid="mfa-code"
        onChange={(event) => setCode(event.target.value)}
      />
      {failure ? <Notice tone="error">{failureMessage(failure, t)}</Notice> : null}
      <Button type="submit" large disabled={busy} data-testid="mfa-confirm" className="w-full">
        {busy ? t('auth.working') : t('account.enrol.confirm')}
      </Button>
    </form>
  );
}
