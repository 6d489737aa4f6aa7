import { randomUUID } from 'node:crypto';
import {
  OWNER_ACTIONS,
  type Session,
  type SessionTokens,
  type registerRequestSchema,
  type signInRequestSchema,
} from '@opentill/domain';
import type * as z from 'zod/mini';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../http/errors.js';
import { isNewAddress, recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import {
  DEVICE_ID_CONSTRAINT,
  OWNER_PHONE_CONSTRAINT,
  findOwnerByPhone,
  findOwnerTenant,
  findTenantDevice,
  insertDevice,
  insertShop,
  type ShopRefs,
} from './auth.repository.js';
import { hashPin, verifyDecoy, verifyPin } from './pin.js';
import { makePinVerifier } from './pin-verifier.js';
import { setPinVerifier } from './staff.repository.js';
import type { SessionOwner, SessionService } from './sessions.service.js';

type RegisterInput = z.output<typeof registerRequestSchema>;
type SignInInput = z.output<typeof signInRequestSchema>;

export interface AuthService {
  register(input: RegisterInput, context: RequestContext): Promise<Session>;
  signIn(input: SignInInput, context: RequestContext): Promise<Session>;
}

export function createAuthService(db: Db, sessions: SessionService): AuthService {
  function sessionFor(
    refs: ShopRefs,
    deviceId: string,
    tokens: SessionTokens,
    names: { businessName: string; branchName: string; userName: string },
  ): Session {
    return {
      ...tokens,
      tenant: { id: refs.tenantId, businessName: names.businessName },
      branch: { id: refs.branchId, name: names.branchName },
      user: { id: refs.userId, name: names.userName, role: 'OWNER' },
      device: { id: deviceId },
    };
  }

  /** The owner's session on the device signing in: everything an owner may do. */
  function owning(refs: ShopRefs, input: RegisterInput | SignInInput): SessionOwner {
    return {
      ...refs,
      deviceId: input.deviceId,
      permissions: [...OWNER_ACTIONS],
      devicePublicKey: input.devicePublicKey,
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
      const { shop: refs, tokens } = await db
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
          const opened = await sessions.open(tx, owning(shop, input), context);
          return { shop, tokens: opened };
        })
        .catch(conflictFrom);
      return sessionFor(refs, input.deviceId, tokens, {
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
      const tokens = await db
        .withTenant(owner.tenantId, async (tx) => {
          // Asked before this sign-in's own entries carry the address.
          const newAddress = await isNewAddress(tx, owner.tenantId, context.ip);
          if (pinVerifier) await setPinVerifier(tx, owner.userId, pinVerifier);
          const by = { tenantId: owner.tenantId, actorUserId: owner.userId, actorDeviceId: input.deviceId, ...context };
          // A device of this shop signing in again (its session ended) stays the same device, so its queue
          // goes on; a removed one stays removed. Another shop's device id still fails the insert
          // (OT_ERR_DEVICE_TAKEN): row-level security hides it here.
          const existing = await findTenantDevice(tx, owner.tenantId, input.deviceId);
          if (!existing) await insertDevice(tx, { ...owner, id: input.deviceId, name: input.deviceName });
          const opened = await sessions.open(tx, owning(owner, input), context);
          // The entries last: they take the shop's audit head, on which its other sign-ins wait until this commits.
          if (!existing) {
            await recordAudit(tx, {
              ...by,
              action: 'device.registered',
              details: { branchId: owner.branchId, deviceName: input.deviceName ?? null },
            });
          }
          await recordAudit(tx, {
            ...by,
            action: 'auth.sign_in',
            details: { branchId: owner.branchId, newAddress, ...(existing ? { resumed: true } : {}) },
          });
          return opened;
        })
        .catch(conflictFrom);
      return sessionFor(owner, input.deviceId, tokens, {
        businessName: owner.businessName,
        branchName: owner.branchName,
        userName: owner.userName,
      });
    },
  };
}
