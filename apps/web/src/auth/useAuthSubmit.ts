import { useState } from 'react';
import { postAuth, type AuthFailure } from './authApi';
import { completeSignIn } from './completeSignIn';

/** Sends a register or sign-in request and keeps the session on success. */
export function useAuthSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  async function submit(url: string, body: unknown): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await postAuth(url, body);
    if (result.ok) {
      try {
        await completeSignIn(result.session);
        return; // the app now shows the Sell screen; this form unmounts
      } catch (error) {
        console.error('Could not store the session', error);
        setFailure({ kind: 'unexpected' });
      }
    } else {
      setFailure(result.failure);
    }
    setBusy(false);
  }

  return { busy, failure, submit };
}
