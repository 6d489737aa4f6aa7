import { randomBytes } from 'node:crypto';
import { OWNER_ACTIONS, type Session, type registerRequestSchema, type signInRequestSchema } from '@opentill/domain';
import type * as z from 'zod/mini';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../http/errors.js';
import {
  DEVICE_ID_CONSTRAINT,
  OWNER_PHONE_CONSTRAINT,
  findOwnerByPhone,
  insertDevice,
  insertShop,
  insertSigningKey,
  listSigningKeys,
  type ShopRefs,
} from './auth.repository.js';
import { hashPin, verifyDecoy, verifyPin } from './pin.js';
import { createTokenService, type SigningKey, type TokenService } from './tokens.js';

type RegisterInput = z.output<typeof registerRequestSchema>;
type SignInInput = z.output<typeof signInRequestSchema>;

/** The key id of the key a fresh database generates; fixed so concurrent first starts agree. */
const FIRST_KEY_ID = 'k1';

/**
 * The token keys: OPENTILL_TOKEN_SECRET when set (signing), plus every stored key
 * (verifying). Without the variable the first start stores a random key, so
 * tokens survive restarts and every instance on the same database agrees.
 */
export async function loadTokenService(db: Db, envSecret: string | undefined): Promise<TokenService> {
  let stored: SigningKey[] = await listSigningKeys(db.orm);
  if (stored.length === 0 && !envSecret) {
    await insertSigningKey(db.orm, { kid: FIRST_KEY_ID, secret: randomBytes(32).toString('base64url') });
    stored = await listSigningKeys(db.orm);
  }
  return createTokenService(envSecret ? [{ kid: 'env', secret: envSecret }, ...stored] : stored);
}

export interface AuthService {
  register(input: RegisterInput): Promise<Session>;
  signIn(input: SignInInput): Promise<Session>;
}

export function createAuthService(db: Db, tokens: TokenService): AuthService {
  async function sessionFor(
    refs: ShopRefs,
    deviceId: string,
    names: { businessName: string; branchName: string; userName: string },
  ): Promise<Session> {
    const token = await tokens.sign({ ...refs, deviceId, permissions: [...OWNER_ACTIONS] });
    return {
      token,
      tenant: { id: refs.tenantId, businessName: names.businessName },
      branch: { id: refs.branchId, name: names.branchName },
      user: { id: refs.userId, name: names.userName, role: 'OWNER' },
      device: { id: deviceId },
    };
  }

  function conflictFrom(error: unknown): never {
    if (isUniqueViolation(error, OWNER_PHONE_CONSTRAINT)) throw new AppError('OT_ERR_PHONE_TAKEN');
    if (isUniqueViolation(error, DEVICE_ID_CONSTRAINT)) throw new AppError('OT_ERR_DEVICE_TAKEN');
    throw error;
  }

  return {
    async register(input) {
      const pinHash = await hashPin(input.pin);
      const refs = await db.orm
        .transaction(async (tx) => {
          const shop = await insertShop(tx, { ...input, pinHash });
          await insertDevice(tx, { ...shop, id: input.deviceId, name: input.deviceName });
          return shop;
        })
        .catch(conflictFrom);
      return sessionFor(refs, input.deviceId, {
        businessName: input.businessName,
        branchName: 'Main',
        userName: input.ownerName,
      });
    },

    async signIn(input) {
      const owner = await findOwnerByPhone(db.orm, input.phone);
      const valid = owner?.pinHash ? await verifyPin(owner.pinHash, input.pin) : await verifyDecoy(input.pin);
      if (!owner || !valid) throw new AppError('OT_ERR_INVALID_CREDENTIALS');
      await insertDevice(db.orm, { ...owner, id: input.deviceId, name: input.deviceName }).catch(conflictFrom);
      return sessionFor(owner, input.deviceId, {
        businessName: owner.businessName,
        branchName: owner.branchName,
        userName: owner.userName,
      });
    },
  };
}
