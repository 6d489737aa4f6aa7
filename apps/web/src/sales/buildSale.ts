const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** `sale_` + 16 random URL-safe characters (96 bits): unique per device without a counter. */
export function newSaleLocalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 64 symbols: masking with 63 keeps every symbol equally likely.
  return `sale_${Array.from(bytes, (byte) => ID_ALPHABET[byte & 63]).join('')}`;
}
