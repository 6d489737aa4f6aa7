/**
 * The server's signature on every audit entry (SPEC AU3): HMAC-SHA256 under the
 * sale signing key (sale-signer.ts), over a text with its own purpose prefix, so
 * a sale signature can never pass for an audit one or the other way round.
 */
import { createHmac } from 'node:crypto';
import type { ServerSigningKey } from './sale-signer.js';

export interface AuditSignedFields {
  tenantId: string;
  seq: number;
  hash: string;
}

export interface AuditSigner {
  readonly keyId: string;
  sign(fields: AuditSignedFields): string;
  verify(fields: AuditSignedFields, signature: string): boolean;
}

export function createAuditSigner({ keyId, secret }: ServerSigningKey): AuditSigner {
  const sign = (fields: AuditSignedFields) =>
    createHmac('sha256', secret)
      .update(`opentill-audit-signature-v1|${fields.tenantId}|${fields.seq}|${fields.hash}`)
      .digest('hex');
  return { keyId, sign, verify: (fields, signature) => sign(fields) === signature };
}
