/**
 * Signed, expiring links to receipt PDFs (D32): the link is the capability. Whoever
 * holds it (the customer it was WhatsApp'd to) may open that one file until it
 * expires; nothing else. HMAC-SHA256 under a key of the server's own, kept in
 * `server_meta` so every instance signs and checks alike.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.js';
import { insertMetaIfAbsent, readMeta } from '../audit/integrity.repository.js';
import { AppError } from '../http/errors.js';
import { isReceiptFileKey } from './receipt-files.js';

/** The server_meta row of the link key: its own, not the sale-signing key, so neither can stand in for the other. */
export const RECEIPT_LINK_KEY_META = 'receipt_link_key';

/** Default life of a link: long enough to open a WhatsApp message, short enough that a forwarded one dies. */
export const RECEIPT_LINK_SECONDS = 15 * 60;

/** The path the files are served under (`receipts.routes.ts`). */
export const RECEIPT_FILES_PATH = '/api/v1/receipts/files';

export interface SignedLink {
  /** Path and query, from `/api/v1/…`. */
  path: string;
  expiresAt: Date;
}

/** What a link's query carries besides its key (the path). */
export interface LinkQuery {
  expires: string;
  number: string;
  signature: string;
}

export interface ReceiptLinks {
  sign(key: string, number: string, now: Date): SignedLink;
  /** The receipt number the link names, or OT_ERR_RECEIPT_LINK_INVALID / _EXPIRED. */
  verify(key: string, query: Partial<LinkQuery>, now: Date): { number: string };
}

const NUMBER = /^[A-Za-z0-9_-]{1,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export function createReceiptLinks(secret: Buffer, lifetimeSeconds = RECEIPT_LINK_SECONDS): ReceiptLinks {
  const mac = (key: string, expires: string, number: string) =>
    createHmac('sha256', secret).update(`receipt-file\n${key}\n${expires}\n${number}`).digest();
  return {
    sign(key, number, now) {
      const expiresAt = new Date((Math.floor(now.getTime() / 1000) + lifetimeSeconds) * 1000);
      const expires = String(expiresAt.getTime() / 1000);
      const signature = mac(key, expires, number).toString('base64url');
      const query = new URLSearchParams({ expires, number, signature });
      return { path: `${RECEIPT_FILES_PATH}/${key}?${query}`, expiresAt };
    },
    verify(key, { expires = '', number = '', signature = '' }, now) {
      const wellFormed =
        isReceiptFileKey(key) && /^\d{1,12}$/.test(expires) && NUMBER.test(number) && SIGNATURE.test(signature);
      // Constant time over the signature, so its bytes cannot be guessed one by one.
      if (!wellFormed || !timingSafeEqual(mac(key, expires, number), Buffer.from(signature, 'base64url'))) {
        throw new AppError('OT_ERR_RECEIPT_LINK_INVALID');
      }
      if (Number(expires) * 1000 <= now.getTime()) throw new AppError('OT_ERR_RECEIPT_LINK_EXPIRED');
      return { number };
    },
  };
}

/** The database's link key, made on first use so every instance shares it. */
export async function loadReceiptLinks(db: Db, lifetimeSeconds?: number): Promise<ReceiptLinks> {
  await insertMetaIfAbsent(db.orm, RECEIPT_LINK_KEY_META, randomBytes(32).toString('hex'));
  const stored = await readMeta(db.orm, RECEIPT_LINK_KEY_META);
  if (!stored || !/^[0-9a-f]{64}$/.test(stored)) throw new Error('server_meta holds no usable receipt link key');
  return createReceiptLinks(Buffer.from(stored, 'hex'), lifetimeSeconds);
}
