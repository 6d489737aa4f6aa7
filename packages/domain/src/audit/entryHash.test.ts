import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256Hex } from '../sales/chain.js';
import { AUDIT_ACTIONS, isAuditAction } from './actions.js';
import { AUDIT_GENESIS_HASH, auditEntryHash, auditEntryText, type AuditEntryContent } from './entryHash.js';

const entry: AuditEntryContent = {
  tenantId: '6f1c1b3e-1f4a-4e39-9a4c-2d7e0b6a9c11',
  seq: 1,
  previousHash: AUDIT_GENESIS_HASH,
  at: new Date('2026-11-30T08:15:42.123Z'),
  action: 'auth.sign_in',
  actorUserId: 'b3c6a1f2-7d4e-4c3b-8a21-5f9e0d7c6b54',
  actorDeviceId: null,
  ip: '198.51.100.7',
  userAgent: 'Mozilla/5.0',
  details: { z: 1, a: { c: [1, 2], b: null } },
};

describe('audit entry hash (AU2)', () => {
  it('AU2: hashes the versioned text of every field, details as canonical JSON', () => {
    const text =
      'opentill-audit-v1|6f1c1b3e-1f4a-4e39-9a4c-2d7e0b6a9c11|1|' +
      `${'0'.repeat(64)}|2026-11-30T08:15:42.123Z|auth.sign_in|b3c6a1f2-7d4e-4c3b-8a21-5f9e0d7c6b54||` +
      '198.51.100.7|Mozilla/5.0|{"a":{"b":null,"c":[1,2]},"z":1}';
    expect(auditEntryText(entry)).toBe(text);
    expect(auditEntryHash(entry)).toBe(sha256Hex(text));
    expect(auditEntryHash(entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('AU2: any change to any field changes the hash', () => {
    const base = auditEntryHash(entry);
    const changes: Partial<AuditEntryContent>[] = [
      { tenantId: '6f1c1b3e-1f4a-4e39-9a4c-2d7e0b6a9c12' },
      { seq: 2 },
      { previousHash: 'f'.repeat(64) },
      { at: new Date('2026-11-30T08:15:42.124Z') },
      { action: 'auth.sign_in_failed' },
      { actorUserId: null },
      { actorDeviceId: 'b3c6a1f2-7d4e-4c3b-8a21-5f9e0d7c6b54' },
      { ip: '198.51.100.8' },
      { userAgent: 'Mozilla/5.1' },
      { details: { z: 2, a: { c: [1, 2], b: null } } },
    ];
    for (const change of changes) expect(auditEntryHash({ ...entry, ...change })).not.toBe(base);
  });

  it('AU2: free text cannot move a field boundary', () => {
    const split = (ip: string, userAgent: string) => auditEntryHash({ ...entry, ip, userAgent });
    expect(split('a|b', 'c')).not.toBe(split('a', 'b|c'));
    expect(split('a%7Cb', 'c')).not.toBe(split('a|b', 'c'));
  });

  it('AU2: the key order of details does not matter', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (details) => {
        const reversed = Object.fromEntries(Object.entries(details).reverse());
        expect(auditEntryHash({ ...entry, details: reversed })).toBe(auditEntryHash({ ...entry, details }));
      }),
    );
  });

  it('uses an injected SHA-256 when given one', () => {
    const seen: string[] = [];
    const spy = (text: string) => (seen.push(text), sha256Hex(text));
    expect(auditEntryHash(entry, spy)).toBe(auditEntryHash(entry));
    expect(seen).toEqual([auditEntryText(entry)]);
  });
});

describe('audit actions', () => {
  it('names every action area.verb and tells what it records', () => {
    for (const [action, meaning] of Object.entries(AUDIT_ACTIONS)) {
      expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
      expect(isAuditAction(action)).toBe(true);
    }
    expect(isAuditAction('auth.sign_out_everywhere')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
  });
});
