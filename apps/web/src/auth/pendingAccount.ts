import type { AccountSession } from '@opentill/domain';
import type { StoredTokens, TokenClock } from '../db';
import type { DeviceKey } from '../tokens/deviceKey';
import { requestRefresh } from '../tokens/refreshRequest';
import { isDueForRefresh } from '../tokens/tokenClock';
import { completeSignIn } from './completeSignIn';

/**
 * The session of an owner who signed in by email before two-factor is on (SPEC ID8). Its token may
 * only enrol, so it is held here, in memory, and kept on the phone only once enrolment is done and
 * a refresh has given it the owner's actions: the till never opens with a token that can do nothing.
 * A reload forgets it; signing in again starts enrolment afresh, with a new secret.
 */
export interface PendingAccount {
  /** The access token to send now, refreshed first when it is due. */
  token(): Promise<TokenAnswer>;
  /** Refreshes (the server recomputes the actions: enrolled now) and keeps the session on the phone. */
  finish(): Promise<TokenAnswer>;
}

export type TokenAnswer = { ok: true; token: string } | { ok: false; reason: 'ended' | 'retry' };

export interface SignedInAccount {
  session: AccountSession;
  deviceKey: DeviceKey | null;
  tokenClock: TokenClock;
}

export function pendingAccount(signedIn: SignedInAccount): PendingAccount {
  let { session, tokenClock } = signedIn;
  const keyPair = signedIn.deviceKey?.keyPair;

  async function refresh(): Promise<TokenAnswer> {
    const stored: StoredTokens = {
      deviceId: session.device.id,
      token: session.token,
      tokenExpiresAt: session.tokenExpiresAt,
      refreshToken: session.refreshToken,
      refreshNonce: session.refreshNonce,
      tokenClock,
      deviceKey: keyPair,
      endedAt: undefined,
    };
    const answer = await requestRefresh(stored);
    if (answer.kind === 'ended') return { ok: false, reason: 'ended' };
    if (answer.kind !== 'refreshed') return { ok: false, reason: 'retry' };
    session = { ...session, ...answer.tokens };
    tokenClock = answer.clock;
    return { ok: true, token: session.token };
  }

  return {
    async token() {
      if (!isDueForRefresh({ tokenExpiresAt: session.tokenExpiresAt, tokenClock }, Date.now())) {
        return { ok: true, token: session.token };
      }
      return refresh();
    },

    async finish() {
      const refreshed = await refresh();
      if (!refreshed.ok) return refreshed;
      await completeSignIn(session, { deviceKey: keyPair, tokenClock });
      return refreshed;
    },
  };
}
