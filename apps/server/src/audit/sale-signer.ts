/**
 * The server's signature on every sale it accepts (SPEC SY10): HMAC-SHA256 over
 * the tenant, device, sale id and the sale's chain hash, under a key that never
 * leaves the server. With the chain it proves a sale was accepted as it stands.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { insertMetaIfAbsent, readMeta } from './integrity.repository.js';

/** The server_meta row holding the server's signing key, `<keyId>:<secret>`; audit entries share it. */
export const SIGNING_KEY_META = 'sale_signing_key';
const KEY_ID = 's1';

export interface ServerSigningKey {
  keyId: string;
  secret: string;
}

/** The stored key split into its id and secret; undefined when absent or malformed. */
export function parseSigningKey(stored: string | undefined): ServerSigningKey | undefined {
  const [keyId, secret] = stored?.split(':') ?? [];
  return keyId && secret ? { keyId, secret } : undefined;
}

export interface SignedFields {
  tenantId: string;
  deviceId: string;
  saleId: string;
  hash: string;
}

export interface SaleSigner {
  readonly keyId: string;
  sign(fields: SignedFields): string;
  verify(fields: SignedFields, signature: string): boolean;
}

export function createSaleSigner(keyId: string, secret: string): SaleSigner {
  const sign = (fields: SignedFields) =>
    createHmac('sha256', secret)
      .update(`${fields.tenantId}|${fields.deviceId}|${fields.saleId}|${fields.hash}`)
      .digest('hex');
  return { keyId, sign, verify: (fields, signature) => sign(fields) === signature };
}

/** The database's signing key, made on first use so every instance shares it. */
export async function loadSaleSigner(db: Db): Promise<SaleSigner> {
  await insertMetaIfAbsent(db.orm, SIGNING_KEY_META, `${KEY_ID}:${randomBytes(32).toString('hex')}`);
  const key = parseSigningKey(await readMeta(db.orm, SIGNING_KEY_META));
  if (!key) throw new Error('server_meta holds no usable sale signing key');
  return createSaleSigner(key.keyId, key.secret);
}
