/**
 * How a receipt names its sale (SPEC RC): a short number a person can read out
 * and type, and a code a scanner reads that names the sale exactly. Both are
 * known on the device that sold, offline.
 */

/**
 * RC1: the prefix of a device's receipt numbers: "T" and the device's number in its
 * shop ("T3": till 3), given by the server at registration under the tenant's lock,
 * so no two devices of a shop share one.
 */
export const devicePrefix = (deviceNumber: number) => `T${deviceNumber}`;

/**
 * RC1: the prefix a device signed in before prefixes existed shows until its next
 * sync tells it its own: the first six hex digits of its id.
 */
export const legacyDevicePrefix = (deviceId: string) => deviceId.replaceAll('-', '').slice(0, 6).toUpperCase();

/** RC1: "T3-42": the device's prefix and the sale's place in its hash chain, unique in the shop. */
export function receiptNumber(prefix: string, chainSeq: number): string {
  return `${prefix}-${chainSeq}`;
}

const CODE_PREFIX = 'OT1';

/** RC2: the scannable code: the selling device's id and the sale's local id, whole. */
export function receiptCode(deviceId: string, localId: string): string {
  return `${CODE_PREFIX}:${deviceId}:${localId}`;
}

export type ReceiptQuery =
  { kind: 'code'; deviceId: string; localId: string } | { kind: 'number'; prefix: string; seq: number };

const CODE = /^OT1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9_-]{8,64})$/i;
const NUMBER = /^(T\d{1,6}|[0-9A-F]{6})\s*-\s*(\d{1,9})$/i;

/**
 * RC3: what a cashier typed or scanned to find a sale: a receipt code, or a
 * receipt number (spaces and case forgiven); null when it is neither.
 */
export function parseReceiptQuery(text: string): ReceiptQuery | null {
  const trimmed = text.trim();
  const code = CODE.exec(trimmed);
  if (code?.[1] && code[2]) return { kind: 'code', deviceId: code[1].toLowerCase(), localId: code[2] };
  const number = NUMBER.exec(trimmed);
  if (number?.[1] && number[2]) {
    const seq = Number(number[2]);
    if (seq >= 1) return { kind: 'number', prefix: number[1].toUpperCase(), seq };
  }
  return null;
}
