import type { SessionTokens } from '@opentill/domain';
import { db, type TokenClock } from './database';
import { SESSION_KEY } from './session';

/** What refreshing needs from the stored session (src/tokens/). */
export interface StoredTokens {
  deviceId: string;
  token: string;
  tokenExpiresAt: string;
  refreshToken: string;
  refreshNonce: string;
  tokenClock: TokenClock | undefined;
  deviceKey: CryptoKeyPair | undefined;
  /** Set once the server refused a refresh for good (SPEC ID17). */
  endedAt: string | undefined;
}

export async function getStoredTokens(): Promise<StoredTokens | null> {
  const row = await db.session.get(SESSION_KEY);
  if (!row) return null;
  return {
    deviceId: row.device.id,
    token: row.token,
    tokenExpiresAt: row.tokenExpiresAt,
    refreshToken: row.refreshToken,
    refreshNonce: row.refreshNonce,
    tokenClock: row.tokenClock,
    deviceKey: row.deviceKey,
    endedAt: row.endedAt,
  };
}

/**
 * Keeps the tokens a refresh gave, all of them: the refresh token just used is spent. Only if the
 * stored session still holds `usedRefreshToken` (not signed out, nor signed in again meanwhile);
 * false otherwise, and nothing is written.
 */
export async function saveRefreshedTokens(
  usedRefreshToken: string,
  tokens: SessionTokens,
  tokenClock: TokenClock,
): Promise<boolean> {
  return db.transaction('rw', db.session, async () => {
    const row = await db.session.get(SESSION_KEY);
    if (row?.refreshToken !== usedRefreshToken || row.endedAt) return false;
    const { token, tokenExpiresAt, refreshToken, refreshNonce } = tokens;
    await db.session.put({ ...row, token, tokenExpiresAt, refreshToken, refreshNonce, tokenClock });
    return true;
  });
}

/**
 * The server refused `refreshToken` for good: the session is over. Marks it ended and keeps
 * EVERYTHING else (queue, sales, products): the queue goes out once someone signs in again
 * as this device. Only if the stored session still holds that token (a new sign-in is not ended
 * by an old answer).
 */
export async function endStoredSession(refreshToken: string, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.session, async () => {
    const row = await db.session.get(SESSION_KEY);
    if (row?.refreshToken !== refreshToken || row.endedAt) return false;
    await db.session.put({ ...row, endedAt: now.toISOString() });
    return true;
  });
}

/** What the "signed out" notice says: which shop, since when, and what still waits to be sent. */
export interface SessionEnd {
  businessName: string;
  endedAt: string;
  deviceId: string;
  /** Sales waiting to be sent. */
  unsentSales: number;
  /** Other operations waiting to be sent (product and stock changes). */
  unsentOther: number;
}

/** Null while the session is live (or there is none). */
export async function getSessionEnd(): Promise<SessionEnd | null> {
  return db.transaction('r', db.session, db.outbox, async () => {
    const row = await db.session.get(SESSION_KEY);
    if (!row?.endedAt) return null;
    const pending = () => db.outbox.where('status').equals('pending');
    const unsent = await pending().count();
    const unsentSales = await pending()
      .filter((entry) => entry.type === 'CREATE_SALE')
      .count();
    return {
      businessName: row.tenant.businessName,
      endedAt: row.endedAt,
      deviceId: row.device.id,
      unsentSales,
      unsentOther: unsent - unsentSales,
    };
  });
}
