import { useState } from 'react';
import type { AuthFailure } from './authApi';
import { EMAIL_REGISTER_URL, EMAIL_SIGN_IN_URL } from './accountApi';
import { newAttempt, sendAttempt, type AccountAttempt, type AccountSignInOutcome } from './accountSignIn';
import { EmailRegisterForm } from './EmailRegisterForm';
import { EmailSignInForm } from './EmailSignInForm';
import { MfaEnrolment } from './MfaEnrolment';
import type { PendingAccount } from './pendingAccount';
import { TotpStep } from './TotpStep';

type Stage = { kind: 'form' } | { kind: 'code'; attempt: AccountAttempt } | { kind: 'enrol'; account: PendingAccount };

/**
 * Pharmacies (SPEC ID5–ID9): email and password, then the authenticator's code when two-factor is
 * on, or enrolment first when it is not yet. A new registration always enrols.
 */
export function EmailAccountFlow({ mode }: { mode: 'sign-in' | 'register' }) {
  const [stage, setStage] = useState<Stage>({ kind: 'form' });

  /** Moves the flow on; answers the failure for the screen that sent, or null. */
  function follow(outcome: AccountSignInOutcome): AuthFailure | null {
    switch (outcome.kind) {
      case 'signed-in':
        return null; // the app opens the till: it watches the stored session
      case 'enrol':
        setStage({ kind: 'enrol', account: outcome.pending });
        return null;
      case 'code-required':
        setStage({ kind: 'code', attempt: outcome.attempt });
        return null;
      case 'failed':
        return outcome.failure;
    }
  }

  async function submitForm(body: object): Promise<AuthFailure | null> {
    const url = mode === 'register' ? EMAIL_REGISTER_URL : EMAIL_SIGN_IN_URL;
    return follow(await sendAttempt(await newAttempt(url, body)));
  }

  switch (stage.kind) {
    case 'form':
      return mode === 'register' ? <EmailRegisterForm submit={submitForm} /> : <EmailSignInForm submit={submitForm} />;
    case 'code':
      return <TotpStep submit={async (proof) => follow(await sendAttempt(stage.attempt, proof))} />;
    case 'enrol':
      return <MfaEnrolment account={stage.account} />;
  }
}
