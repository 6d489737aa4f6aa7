import { randomBytes, randomUUID } from 'node:crypto';
import { OWNER_ACTIONS, type Session, type registerRequestSchema, type signInRequestSchema } from '@opentill/domain';
import type * as z from 'zod/mini';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../http/errors.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import {
  DEVICE_ID_CONSTRAINT,
  OWNER_PHONE_CONSTRAINT,
  findOwnerByPhone,
  findOwnerTenant,
  insertDevice,
  insertShop,
  insertSigningKey,
  listSigningKeys,
  type ShopRefs,
} from './auth.repository.js';
import { hashPin, verifyDecoy, verifyPin } from './pin.js';
import { makePinVerifier } from './pin-verifier.js';
import { setPinVerifier } from './staff.repository.js';
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
  register(input: RegisterInput, context: RequestContext): Promise<Session>;
  signIn(input: SignInInput, context: RequestContext): Promise<Session>;
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
    async register(input, context) {
      const [pinHash, pinVerifier] = await Promise.all([hashPin(input.pin), makePinVerifier(input.pin)]);
      const tenantId = randomUUID();
      const refs = await db
        .withTenant(tenantId, async (tx) => {
          const shop = await insertShop(tx, { ...input, tenantId, pinHash, pinVerifier });
          await insertDevice(tx, { ...shop, id: input.deviceId, name: input.deviceName });
          const by = { tenantId: shop.tenantId, actorUserId: shop.userId, actorDeviceId: input.deviceId, ...context };
          await recordAudit(tx, {
            ...by,
            action: 'shop.registered',
            details: { businessName: input.businessName, branchId: shop.branchId },
          });
          await recordAudit(tx, {
            ...by,
            action: 'device.registered',
            details: { branchId: shop.branchId, deviceName: input.deviceName ?? null },
          });
          return shop;
        })
        .catch(conflictFrom);
      return sessionFor(refs, input.deviceId, {
        businessName: input.businessName,
        branchName: 'Main',
        userName: input.ownerName,
      });
    },

    async signIn(input, context) {
      const tenantId = await findOwnerTenant(db.orm, input.phone);
      const owner = tenantId ? await db.withTenant(tenantId, (tx) => findOwnerByPhone(tx, input.phone)) : undefined;
      const valid = owner?.pinHash ? await verifyPin(owner.pinHash, input.pin) : await verifyDecoy(input.pin);
      if (!owner || !valid) {
        // An unknown phone names no shop, so there is no tenant log to write to.
        if (owner) {
          await db.withTenant(owner.tenantId, (tx) =>
            recordAudit(tx, {
              tenantId: owner.tenantId,
              action: 'auth.sign_in_failed',
              actorUserId: owner.userId,
              ...context,
              details: { reason: 'wrong_pin', deviceId: input.deviceId },
            }),
          );
        }
        throw new AppError('OT_ERR_INVALID_CREDENTIALS');
      }
      // An owner from before devices kept PIN verifiers gets one now, while the PIN is in hand.
      const pinVerifier = owner.hasPinVerifier ? null : await makePinVerifier(input.pin);
      await db
        .withTenant(owner.tenantId, async (tx) => {
          if (pinVerifier) await setPinVerifier(tx, owner.userId, pinVerifier);
          await insertDevice(tx, { ...owner, id: input.deviceId, name: input.deviceName });
          const by = { tenantId: owner.tenantId, actorUserId: owner.userId, actorDeviceId: input.deviceId, ...context };
          await recordAudit(tx, {
            ...by,
            action: 'device.registered',
            details: { branchId: owner.branchId, deviceName: input.deviceName ?? null },
          });
          await recordAudit(tx, { ...by, action: 'auth.sign_in', details: { branchId: owner.branchId } });
        })
        .catch(conflictFrom);
      return sessionFor(owner, input.deviceId, {
        businessName: owner.businessName,
        branchName: owner.branchName,
        userName: owner.userName,
      });
    },
  };
}
