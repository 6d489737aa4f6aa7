/**
 * What the camera reads, named as the Barcode Detection API names them (the fallback ponyfill
 * uses the same names): retail codes on products, Code 128 on shelf labels and a shop's own
 * stickers, QR for codes shown on another phone.
 */
export const SCAN_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'qr_code'] as const;

export type ScanFormat = (typeof SCAN_FORMATS)[number];
