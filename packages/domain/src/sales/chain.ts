import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Each device's sales form a hash chain (SPEC SY10): sale n carries its number,
 * the hash of sale n−1 and its own hash over both and its content. The server
 * verifies every link, so a sale removed, altered or inserted after the fact
 * shows as a gap or a break. SHA-256 runs synchronously here (noble), which a
 * Dexie transaction needs: it must not await anything but the database.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text per value, on any device. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export interface ChainLink {
  seq: number;
  previousHash: string;
  hash: string;
}

/** A SHA-256 of text as lowercase hex; the server passes Node's native one (same result, faster). */
export type Sha256Hex = (text: string) => string;

/** The hash of a sale's content at position `seq` after `previousHash`. */
export function chainHash(content: unknown, seq: number, previousHash: string, hash: Sha256Hex = sha256Hex): string {
  return hash(`opentill-sale-v1|${seq}|${previousHash}|${canonicalJson(content)}`);
}

/** The link for the next sale after `previous` (null for a device's first sale). */
export function nextLink(content: unknown, previous: Pick<ChainLink, 'seq' | 'hash'> | null): ChainLink {
  const seq = (previous?.seq ?? 0) + 1;
  const previousHash = previous?.hash ?? GENESIS_HASH;
  return { seq, previousHash, hash: chainHash(content, seq, previousHash) };
}

/** True when the link's hash is the hash of this content at this place in the chain. */
export function linkMatches(content: unknown, link: ChainLink, hash: Sha256Hex = sha256Hex): boolean {
  return chainHash(content, link.seq, link.previousHash, hash) === link.hash;
}
