import { GENESIS_HASH, canonicalJson, sha256Hex, type Sha256Hex } from '../sales/chain.js';

/**
 * Each tenant's audit entries form a hash chain (SPEC AU2): entry n carries its
 * number, the hash of entry n−1 (64 zeros for the first) and its own hash over
 * both and everything it records, so an entry changed, removed or inserted after
 * the fact breaks the chain at that place.
 */
export const AUDIT_GENESIS_HASH = GENESIS_HASH;

/** An audit entry as stored, everything its hash covers. */
export interface AuditEntryContent {
  tenantId: string;
  seq: number;
  previousHash: string;
  /** Millisecond precision, as stored (timestamptz keeps it exactly). */
  at: Date;
  action: string;
  actorUserId: string | null;
  actorDeviceId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Plain JSON (what jsonb gives back): the hash covers its canonical text. */
  details: unknown;
}

/**
 * A field as it appears between the `|` separators. `%` and `|` are escaped so
 * free text (a user agent, a forwarded address) cannot move a boundary: without
 * it `ip = "a|b", userAgent = "c"` and `ip = "a", userAgent = "b|c"` would hash alike.
 */
function field(value: string | null): string {
  return (value ?? '').replaceAll('%', '%25').replaceAll('|', '%7C');
}

/** The exact text an entry's hash is taken over (version 1). */
export function auditEntryText(entry: AuditEntryContent): string {
  return [
    'opentill-audit-v1',
    field(entry.tenantId),
    String(entry.seq),
    field(entry.previousHash),
    entry.at.toISOString(),
    field(entry.action),
    field(entry.actorUserId),
    field(entry.actorDeviceId),
    field(entry.ip),
    field(entry.userAgent),
    canonicalJson(entry.details),
  ].join('|');
}

/** SHA-256 (lowercase hex) of the entry's text; the server passes Node's native hash. */
export function auditEntryHash(entry: AuditEntryContent, hash: Sha256Hex = sha256Hex): string {
  return hash(auditEntryText(entry));
}
