import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DevicePublicKey } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { devices, refreshTokens, sessions, users } from '../db/schema.js';

export interface NewSession {
  tenantId: string;
  userId: string;
  deviceId: string;
  devicePublicKey: DevicePublicKey | null;
  ip: string | null;
  userAgent: string | null;
  expiresAt: Date;
}

export async function insertSession(tx: Executor, session: NewSession): Promise<string> {
  const [row] = await tx.insert(sessions).values(session).returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

export async function insertRefreshToken(
  tx: Executor,
  token: { tokenHash: string; tenantId: string; sessionId: string; nonce: string },
): Promise<void> {
  await tx.insert(refreshTokens).values(token);
}

/**
 * A refresh token with its session and the state of the person and device behind
 * it, the session row locked: two refreshes of one session queue, so a reuse is
 * judged after the first one committed.
 */
export async function lockRefreshToken(tx: Executor, tokenHash: string) {
  const [row] = await tx
    .select({
      sessionId: sessions.id,
      usedAt: refreshTokens.usedAt,
      nonce: refreshTokens.nonce,
      tenantId: sessions.tenantId,
      userId: sessions.userId,
      deviceId: sessions.deviceId,
      devicePublicKey: sessions.devicePublicKey,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      branchId: devices.branchId,
      deviceRevoked: sql<boolean>`${devices.revokedAt} IS NOT NULL`,
      role: users.role,
      userActive: users.isActive,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
    })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(devices, eq(devices.id, sessions.deviceId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update', { of: sessions });
  return row;
}

export async function isRefreshTokenUnused(tx: Executor, tokenHash: string): Promise<boolean> {
  const [row] = await tx
    .select({ usedAt: refreshTokens.usedAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row !== undefined && row.usedAt === null;
}

export async function markRefreshTokenUsed(tx: Executor, tokenHash: string): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(eq(refreshTokens.tokenHash, tokenHash));
}

export async function touchSession(tx: Executor, sessionId: string, expiresAt: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ lastUsedAt: sql`now()`, expiresAt })
    .where(eq(sessions.id, sessionId));
}

/** Ends a session of this tenant; returns false when there is none (or it had ended already). */
export async function revokeSession(
  tx: Executor,
  tenantId: string,
  sessionId: string,
  reason: string,
): Promise<boolean> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.tenantId, tenantId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function findSession(tx: Executor, tenantId: string, sessionId: string) {
  const [row] = await tx
    .select({ id: sessions.id, userId: sessions.userId, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.tenantId, tenantId)));
  return row;
}

/** The tenant's live sessions (or one person's), newest use first, with who and which device. */
export async function listSessions(tx: Executor, tenantId: string, userId?: string) {
  return tx
    .select({
      id: sessions.id,
      userId: sessions.userId,
      userName: users.name,
      deviceId: sessions.deviceId,
      deviceName: devices.name,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(devices, eq(devices.id, sessions.deviceId))
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > now()`,
        userId ? eq(sessions.userId, userId) : undefined,
      ),
    )
    .orderBy(desc(sessions.lastUsedAt));
}
