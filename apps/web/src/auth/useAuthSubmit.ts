import { useState } from 'react';
import { createDeviceKey, type DeviceKey } from '../tokens/deviceKey';
import { postAuth, type AuthFailure } from './authApi';
import { completeSignIn } from './completeSignIn';

/**
 * Sends a register or sign-in request and keeps the session on success. Each sign-in makes
 * a new key pair: the server binds the session's refreshes to its public half (SPEC ID17).
 */
export function useAuthSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | null>(null);

  async function submit(url: string, body: object): Promise<void> {
    setBusy(true);
    setFailure(null);
    const deviceKey = await newDeviceKey();
    const result = await postAuth(url, deviceKey ? { ...body, devicePublicKey: deviceKey.publicKey } : body);
    if (result.ok) {
      try {
        await completeSignIn(result.session, { deviceKey: deviceKey?.keyPair, tokenClock: result.tokenClock });
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

/** A browser that cannot make one still signs in: that session then refreshes without a signature. */
async function newDeviceKey(): Promise<DeviceKey | null> {
  try {
    return await createDeviceKey();
  } catch (error) {
    console.warn('No device key pair: this session is not bound to the phone', error);
    return null;
  }
}
