import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryCodeSchema, totpCodeSchema } from '@opentill/domain';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import type { AuthFailure } from './authApi';
import { Notice, failureMessage } from './CredentialsForm';

interface TotpStepProps {
  /** Sends the password again with the code; the failure to show, or null when the flow moved on. */
  submit: (proof: { totpCode: string } | { recoveryCode: string }) => Promise<AuthFailure | null>;
}

/** The second step of an email sign-in with two-factor on: the app's code, or else a recovery code. */
export function TotpStep({ submit }: TotpStepProps) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = (useRecovery ? recoveryCodeSchema : totpCodeSchema).safeParse(value);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setFailure(null);
    const failed = await submit(useRecovery ? { recoveryCode: parsed.data } : { totpCode: parsed.data });
    if (failed) {
      setFailure(failed);
      setBusy(false);
      setValue('');
    }
  }

  function switchKind() {
    setUseRecovery((current) => !current);
    setValue('');
    setInvalid(false);
    setFailure(null);
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-slate-900">{t('account.code.title')}</h2>
      <p className="text-sm text-slate-700">{t(useRecovery ? 'account.code.recoveryText' : 'account.code.text')}</p>
      {useRecovery ? (
        <Field
          key="recovery"
          label={t('account.code.recoveryLabel')}
          name="recoveryCode"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          value={value}
          error={invalid ? t('account.code.errors.recovery') : undefined}
          data-testid="recovery-code"
          onChange={(event) => setValue(event.target.value)}
        />
      ) : (
        <Field
          key="totp"
          label={t('account.code.label')}
          name="totpCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={value}
          error={invalid ? t('account.code.errors.code') : undefined}
          data-testid="totp-code"
          onChange={(event) => setValue(event.target.value)}
        />
      )}
      {failure ? <Notice tone="error">{failureMessage(failure, t)}</Notice> : null}
      <Button type="submit" large disabled={busy} data-testid="totp-submit" className="w-full">
        {busy ? t('auth.working') : t('account.code.submit')}
      </Button>
      <Button variant="ghost" onClick={switchKind} data-testid="totp-switch" className="w-full">
        {t(useRecovery ? 'account.code.useApp' : 'account.code.useRecovery')}
      </Button>
    </form>
  );
}
