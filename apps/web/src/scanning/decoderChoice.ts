/**
 * Native Barcode Detection API (Chrome on Android, ML Kit underneath) where the browser has it
 * AND it reads every format we need; otherwise the bundled WebAssembly decoder. Desktop Chrome
 * on Windows and Linux has `BarcodeDetector` but supports no formats, so its presence alone
 * decides nothing.
 */
import { SCAN_FORMATS } from './barcodeFormats';

export type DecoderKind = 'native' | 'fallback';

export interface NativeBarcodeDetector {
  detect(source: HTMLVideoElement): Promise<readonly { rawValue: string }[]>;
}

export interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<readonly string[]>;
}

/** The browser's BarcodeDetector, if it has one (the DOM typings do not know it yet). */
export function nativeDetectorClass(scope: object): NativeBarcodeDetectorClass | undefined {
  if (!('BarcodeDetector' in scope)) return undefined;
  const candidate = (scope as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof candidate === 'function' ? (candidate as NativeBarcodeDetectorClass) : undefined;
}

export function chooseDecoder(nativeFormats: readonly string[]): DecoderKind {
  return SCAN_FORMATS.every((format) => nativeFormats.includes(format)) ? 'native' : 'fallback';
}

/** The formats the native detector reads; none when there is no detector or it cannot say. */
export async function nativeFormatsOf(detector: NativeBarcodeDetectorClass | undefined): Promise<readonly string[]> {
  if (!detector) return [];
  try {
    return await detector.getSupportedFormats();
  } catch {
    return [];
  }
}
