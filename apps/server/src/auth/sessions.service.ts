/**
 * Sessions and rotating refresh tokens (SPEC ID17). A session is one person on one
 * device; its refresh tokens form a family: each is used once for the next, and a
 * used one presented again (after a short grace for a retried request) is taken
 * as stolen and ends the whole session. A session whose device registered a
 * public key refreshes only with a signature over the server's nonce.
 */
import { createHash, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import {
  ROLE_ACTIONS,
  type Action,
  type DevicePublicKey,
  type Role,
  type SessionRecord,
  type SessionTokens,
} from '@opentill/domain';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAudit, type RequestContext } from '../audit/audit-log.service.js';
import type { DeviceClaims, TokenService } from './tokens.js';
import {
  findSession,
  insertRefreshToken,
  insertSession,
  isRefreshTokenUnused,
  listSessions,
  lockRefreshToken,
  markRefreshTokenUsed,
  revokeSession,
  touchSession,
} from './sessions.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session unused for this long ends: a till off for two months signs in again. */
export const SESSION_IDLE_DAYS = 60;
/** A used refresh token presented again this soon is a retry whose answer was lost, not a theft. */
export const REFRESH_RETRY_GRACE_MS = 60_000;
/** Roles that must use two-factor when they sign in with a password (SPEC ID8). */
export const MFA_ROLES: readonly Role[] = ['OWNER', 'ADMIN'];

/**
 * What a session may do: its role's actions; only looking after its own account
 * (enrolling in two-factor) for a password account whose role needs two-factor
 * that it has not set up yet.
 */
export function sessionPermissions(person: { role: Role; hasPassword: boolean; totpEnabled: boolean }): Action[] {
  if (person.hasPassword && MFA_ROLES.includes(person.role) && !person.totpEnabled) return ['account:self'];
  return [...ROLE_ACTIONS[person.role]];
}

export interface SessionOwner {
  tenantId: string;
  branchId: string;
  userId: string;
  deviceId: string;
  permissions: Action[];
  devicePublicKey?: DevicePublicKey | undefined;
}

export interface SessionService {
  /** Opens a session inside the caller's tenant transaction (sign-in, registration) and gives its tokens. */
  open(tx: Transaction, owner: SessionOwner, context: RequestContext): Promise<SessionTokens>;
  refresh(
    input: { refreshToken: string; signature?: string | undefined },
    context: RequestContext,
  ): Promise<SessionTokens>;
  /** The caller's sessions, or every session of the shop for someone who manages staff. */
  list(claims: DeviceClaims): Promise<SessionRecord[]>;
  /** Ends a session: one's own, or anyone's for someone who manages staff. */
  revoke(claims: DeviceClaims, sessionId: string, context: RequestContext): Promise<void>;
}

/** `<tenant id>.<secret>`: the tenant lets the refresh work inside it (row-level security). */
function newRefreshToken(tenantId: string): string {
  return `${tenantId}.${randomBytes(32).toString('base64url')}`;
}

/** The token that follows `token`: derived, so a retry of the same refresh gets the same one back. */
function successorOf(token: string): { refreshToken: string; refreshNonce: string } {
  const tenantId = token.slice(0, token.indexOf('.'));
  const derive = (label: string) => createHmac('sha256', token).update(label).digest('base64url');
  return { refreshToken: `${tenantId}.${derive('next')}`, refreshNonce: derive('nonce') };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const TENANT_OF_TOKEN = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/;

function signatureIsValid(publicKey: unknown, nonce: string, signature: string | undefined): boolean {
  if (!signature) return false;
  try {
    const key = createPublicKey({ key: publicKey as DevicePublicKey, format: 'jwk' });
    return verify(
      'sha256',
      Buffer.from(nonce),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

export function createSessionService(db: Db, tokens: TokenService, now: () => Date = () => new Date()): SessionService {
  const idleExpiry = () => new Date(now().getTime() + SESSION_IDLE_DAYS * DAY_MS);

  async function tokensFor(
    claims: DeviceClaims & { sessionId: string },
    refresh: { refreshToken: string; refreshNonce: string },
  ): Promise<SessionTokens> {
    const access = await tokens.sign(claims);
    return { token: access.token, tokenExpiresAt: access.expiresAt.toISOString(), ...refresh };
  }

  /** Ends the session in its own transaction, so the end stands while the caller is refused. */
  async function endForReuse(tenantId: string, sessionId: string, userId: string, context: RequestContext) {
    await db.withTenant(tenantId, async (tx) => {
      if (!(await revokeSession(tx, tenantId, sessionId, 'token_reuse'))) return;
      await recordAudit(tx, {
        tenantId,
        action: 'token.reuse_detected',
        actorUserId: userId,
        ...context,
        details: { sessionId },
      });
    });
  }

  return {
    async open(tx, owner, context) {
      const sessionId = await insertSession(tx, {
        tenantId: owner.tenantId,
        userId: owner.userId,
        deviceId: owner.deviceId,
        devicePublicKey: owner.devicePublicKey ?? null,
        ip: context.ip ?? null,
        userAgent: context.userAgent ?? null,
        expiresAt: idleExpiry(),
      });
      const refreshToken = newRefreshToken(owner.tenantId);
      const refreshNonce = randomBytes(32).toString('base64url');
      await insertRefreshToken(tx, {
        tokenHash: hashOf(refreshToken),
        tenantId: owner.tenantId,
        sessionId,
        nonce: refreshNonce,
      });
      return tokensFor({ ...owner, sessionId }, { refreshToken, refreshNonce });
    },

    async refresh({ refreshToken, signature }, context) {
      const tenantId = TENANT_OF_TOKEN.exec(refreshToken)?.[1];
      if (!tenantId) throw new AppError('OT_ERR_SESSION_INVALID');
      const outcome = await db.withTenant(tenantId, async (tx) => {
        const row = await lockRefreshToken(tx, hashOf(refreshToken));
        if (!row || row.revokedAt || row.expiresAt <= now()) return { kind: 'invalid' as const };
        // Proof of the device's key comes before anything else: a thief without it learns nothing.
        if (row.devicePublicKey && !signatureIsValid(row.devicePublicKey, row.nonce, signature)) {
          return { kind: 'invalid' as const };
        }
        const next = successorOf(refreshToken);
        if (row.usedAt) {
          const retry =
            now().getTime() - row.usedAt.getTime() < REFRESH_RETRY_GRACE_MS &&
            (await isRefreshTokenUnused(tx, hashOf(next.refreshToken)));
          if (!retry) return { kind: 'reuse' as const, sessionId: row.sessionId, userId: row.userId };
        } else {
          await markRefreshTokenUsed(tx, hashOf(refreshToken));
          await insertRefreshToken(tx, {
            tokenHash: hashOf(next.refreshToken),
            tenantId,
            sessionId: row.sessionId,
            nonce: next.refreshNonce,
          });
        }
        if (!row.userActive) {
          await revokeSession(tx, tenantId, row.sessionId, 'user_disabled');
          return { kind: 'ended' as const };
        }
        await touchSession(tx, row.sessionId, idleExpiry());
        const claims = {
          tenantId,
          branchId: row.branchId,
          deviceId: row.deviceId,
          userId: row.userId,
          sessionId: row.sessionId,
          // A removed device may only deliver what it holds, then wipes itself (ID10).
          permissions: row.deviceRevoked ? ['sync:push'] : sessionPermissions({ ...row, role: row.role as Role }),
        };
        return { kind: 'ok' as const, tokens: await tokensFor(claims, next) };
      });
      if (outcome.kind === 'ok') return outcome.tokens;
      if (outcome.kind === 'reuse') await endForReuse(tenantId, outcome.sessionId, outcome.userId, context);
      throw new AppError('OT_ERR_SESSION_INVALID');
    },

    async list(claims) {
      const everyone = claims.permissions.includes('user:manage');
      const rows = await db.withTenant(claims.tenantId, (tx) =>
        listSessions(tx, claims.tenantId, everyone ? undefined : claims.userId),
      );
      return rows.map((row) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        current: row.id === claims.sessionId,
      }));
    },

    async revoke(claims, sessionId, context) {
      await db.withTenant(claims.tenantId, async (tx) => {
        const session = await findSession(tx, claims.tenantId, sessionId);
        const mayEnd = session && (session.userId === claims.userId || claims.permissions.includes('user:manage'));
        if (!session || session.revokedAt || !mayEnd) throw new AppError('OT_ERR_SESSION_NOT_FOUND');
        await revokeSession(tx, claims.tenantId, sessionId, 'revoked');
        await recordAudit(tx, {
          tenantId: claims.tenantId,
          action: 'session.revoked',
          actorUserId: claims.userId,
          actorDeviceId: claims.deviceId,
          ...context,
          details: { sessionId, userId: session.userId },
        });
      });
    },
  };
}
