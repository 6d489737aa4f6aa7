/**
 * The tenant audit log (SPEC AU): `recordAudit` is the one way in, run inside the
 * transaction of the change it records so both commit or neither does;
 * `verifyAuditChain` walks a tenant's chain and names its first broken link;
 * `createAuditLogService` reads a tenant's log for its owner, a page at a time.
 */
import { createHash } from 'node:crypto';
import {
  AUDIT_GENESIS_HASH,
  auditEntryHash,
  type AuditAction,
  type AuditEntryContent,
  type AuditLogPage,
  type AuditQuery,
} from '@opentill/domain';
import type { Database, Db, Executor, Transaction } from '../db/client.js';
import type { DeviceClaims } from '../auth/tokens.js';
import { createAuditSigner, type AuditSigner } from './audit-signer.js';
import {
  insertAuditEntry,
  hasEntryFrom,
  listAuditPage,
  listTenantIds,
  readAuditEntries,
  readAuditHead,
  takeAuditPlace,
  type AuditRow,
} from './audit-log.repository.js';
import { readMeta } from './integrity.repository.js';
import { SIGNING_KEY_META, parseSigningKey } from './sale-signer.js';

/** Where a request came from, as the routes see it; recorded with what it did. */
export interface RequestContext {
  ip: string | undefined;
  userAgent: string | undefined;
}

export interface AuditEntry {
  tenantId: string;
  action: AuditAction;
  actorUserId?: string | null | undefined;
  actorDeviceId?: string | null | undefined;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
  /** Plain data (no secrets: PINs, tokens); kept as JSON. */
  details?: Record<string, unknown> | undefined;
}

/** The column widths of `ip` and `user_agent`: longer values are cut, never refused. */
const IP_LENGTH = 64;
const USER_AGENT_LENGTH = 300;
const PAGE_SIZE = 1000;

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Cut to `length` characters (code points, as PostgreSQL counts them); empty is absent. */
function clip(value: string | null | undefined, length: number): string | null {
  if (!value) return null;
  return value.length <= length ? value : Array.from(value).slice(0, length).join('');
}

/** Who did it, from where: a route's token and request, as most audited actions have them. */
export interface Acting {
  claims: DeviceClaims;
  context: RequestContext;
}

/** `recordAudit` for an action a signed-in person did through a route: their user and device, the request's address. */
export function recordAuditBy(
  tx: Transaction,
  { claims, context }: Acting,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    tenantId: claims.tenantId,
    action,
    actorUserId: claims.userId,
    actorDeviceId: claims.deviceId,
    ...context,
    details,
  });
}

/**
 * Appends an entry to its tenant's chain, hashed and signed. Takes a transaction,
 * not the database: the head row's lock must be held until the entry commits.
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  const place = await takeAuditPlace(tx, entry.tenantId, SIGNING_KEY_META);
  const key = parseSigningKey(place.signingKey);
  // The app makes the key at start (loadSaleSigner), before anything can be audited.
  if (!key) throw new Error('server_meta holds no usable signing key for the audit log');
  const content: AuditEntryContent = {
    tenantId: entry.tenantId,
    seq: place.seq,
    previousHash: place.previousHash,
    // Taken under the head's lock, so on one server times follow the numbers. JS dates
    // are whole milliseconds, which timestamptz stores exactly: the hash survives a read.
    at: new Date(),
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorDeviceId: entry.actorDeviceId ?? null,
    ip: clip(entry.ip, IP_LENGTH),
    userAgent: clip(entry.userAgent, USER_AGENT_LENGTH),
    // Hashed as it will read back from jsonb: plain JSON, undefined dropped, dates as text.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
  };
  const hash = auditEntryHash(content, sha256Hex);
  const signature = createAuditSigner(key).sign({ tenantId: entry.tenantId, seq: place.seq, hash });
  await insertAuditEntry(tx, { ...content, hash, signature, signatureKeyId: key.keyId });
}

/**
 * Why a link is broken: its hash is not that of its content (`hash`), it does not
 * follow the entry before it (`previous`), the server's key did not sign it
 * (`signature`), the entry at this number is missing (`gap`), or the chain goes on
 * past the head that appends keep (`head`: entries added, or the last one replaced,
 * behind `recordAudit`'s back).
 */
export type AuditBreak = 'hash' | 'signature' | 'previous' | 'gap' | 'head';

export interface AuditVerdict {
  entries: number;
  firstBroken: null | { seq: number; reason: AuditBreak };
}

function checkEntry(
  row: AuditRow,
  seq: number,
  previousHash: string,
  signers: Map<string, AuditSigner>,
): AuditBreak | null {
  if (row.seq !== seq) return 'gap';
  if (auditEntryHash(row, sha256Hex) !== row.hash) return 'hash';
  if (row.previousHash !== previousHash) return 'previous';
  const signer = signers.get(row.signatureKeyId);
  if (!signer?.verify({ tenantId: row.tenantId, seq: row.seq, hash: row.hash }, row.signature)) return 'signature';
  return null;
}

/**
 * Walks the tenant's chain from its first entry. One read-only snapshot
 * (repeatable read), so appends made meanwhile are neither half-seen nor blamed.
 */
export async function verifyAuditChain(db: Database, tenantId: string): Promise<AuditVerdict> {
  return db.transaction(
    async (tx) => {
      const key = parseSigningKey(await readMeta(tx, SIGNING_KEY_META));
      const signers = new Map(key ? [[key.keyId, createAuditSigner(key)]] : []);
      let entries = 0;
      let firstBroken: AuditVerdict['firstBroken'] = null;
      let last = 0;
      let previousHash = AUDIT_GENESIS_HASH;
      for (;;) {
        const page = await readAuditEntries(tx, tenantId, last, PAGE_SIZE);
        for (const row of page) {
          entries += 1;
          const reason: AuditBreak | null = firstBroken ? null : checkEntry(row, last + 1, previousHash, signers);
          if (reason) firstBroken = { seq: last + 1, reason };
          last = row.seq;
          previousHash = row.hash;
        }
        if (page.length < PAGE_SIZE) break;
      }
      if (firstBroken) return { entries, firstBroken };
      const head = (await readAuditHead(tx, tenantId)) ?? { seq: 0, hash: AUDIT_GENESIS_HASH };
      if (head.seq > last) firstBroken = { seq: last + 1, reason: 'gap' };
      else if (head.seq < last) firstBroken = { seq: head.seq + 1, reason: 'head' };
      else if (head.hash !== previousHash) firstBroken = { seq: last, reason: 'head' };
      return { entries, firstBroken };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The ids of these tenants that exist, or of every tenant, oldest shop first. */
export function auditedTenants(db: Executor, among?: string[]): Promise<string[]> {
  return listTenantIds(db, among);
}

export interface AuditLogService {
  /** A page of the claims' tenant's log, newest first, filtered by the query. */
  list(claims: DeviceClaims, query: AuditQuery): Promise<AuditLogPage>;
}

export function createAuditLogService(db: Db): AuditLogService {
  return {
    async list(claims, query) {
      // One row past the page tells whether an older page exists, without counting.
      const rows = await db.withTenant(claims.tenantId, (tx) =>
        listAuditPage(tx, claims.tenantId, query, query.limit + 1),
      );
      const entries = rows.slice(0, query.limit);
      const last = entries.at(-1);
      return { entries, nextBefore: rows.length > query.limit && last ? last.seq : null };
    },
  };
}

/**
 * Whether a request comes from an address the shop's log has never seen: a sign-in
 * from one is flagged unusual for the owner (SPEC AU7). Run before recording it.
 */
export async function isNewAddress(tx: Transaction, tenantId: string, ip: string | undefined): Promise<boolean> {
  return ip !== undefined && !(await hasEntryFrom(tx, tenantId, ip.slice(0, IP_LENGTH)));
}
