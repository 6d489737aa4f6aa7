/**
 * The access-token keys in the database, shared by every instance (SPEC ID17):
 * a start makes a new key when the newest is older than the rotation period,
 * and keys stay known for verifying long after any token they signed expired.
 */
import type { Db } from '../db/client.js';
import { insertSigningKey, listSigningKeys } from './auth.repository.js';
import { createTokenService, generateTokenKey, type TokenService } from './tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How old the signing key may get before a start replaces it. */
export const KEY_ROTATION_DAYS = 30;
/** Keys older than this are no longer read (their tokens expired long ago). */
const KEY_KEPT_DAYS = 3 * KEY_ROTATION_DAYS;

export async function loadTokenService(
  db: Db,
  { lifetimeSeconds, now = () => new Date() }: { lifetimeSeconds?: number; now?: () => Date } = {},
): Promise<TokenService> {
  const known = () => listSigningKeys(db.orm, new Date(now().getTime() - KEY_KEPT_DAYS * DAY_MS));
  let keys = await known();
  const newest = keys[0];
  if (!newest || now().getTime() - newest.createdAt.getTime() > KEY_ROTATION_DAYS * DAY_MS) {
    await insertSigningKey(db.orm, generateTokenKey());
    keys = await known();
  }
  return createTokenService(keys, { reload: known, now, ...(lifetimeSeconds ? { lifetimeSeconds } : {}) });
}
