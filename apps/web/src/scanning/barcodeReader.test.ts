import { describe, expect, it } from 'vitest';
import { SCAN_FORMATS } from './barcodeFormats';
import { loadBarcodeReader, type BarcodeReader } from './barcodeReader';
import { chooseDecoder, nativeFormatsOf, type NativeBarcodeDetectorClass } from './decoderChoice';

const VIDEO = {} as HTMLVideoElement;

function fakeNativeDetector(formats: readonly string[] | Error) {
  const created: { formats: string[] }[] = [];
  class FakeBarcodeDetector {
    constructor(options: { formats: string[] }) {
      created.push(options);
    }
    static getSupportedFormats() {
      return formats instanceof Error ? Promise.reject(formats) : Promise.resolve(formats);
    }
    detect() {
      return Promise.resolve([{ rawValue: '6001234567890' }, { rawValue: '' }]);
    }
  }
  return { BarcodeDetector: FakeBarcodeDetector as NativeBarcodeDetectorClass, created };
}

const fallback: BarcodeReader = { read: () => Promise.resolve(['from-wasm']) };
const loadFallback = () => Promise.resolve(fallback);

describe('chooseDecoder', () => {
  it('takes the native detector only when it reads every format the till needs', () => {
    expect(chooseDecoder([...SCAN_FORMATS, 'aztec'])).toBe('native');
    expect(chooseDecoder(SCAN_FORMATS.filter((format) => format !== 'upc_e'))).toBe('fallback');
    // Desktop Chrome on Windows and Linux: the API is there, with no formats.
    expect(chooseDecoder([])).toBe('fallback');
  });
});

describe('nativeFormatsOf', () => {
  it('reads none when there is no detector or it fails to answer', async () => {
    expect(await nativeFormatsOf(undefined)).toEqual([]);
    expect(await nativeFormatsOf(fakeNativeDetector(new Error('broken')).BarcodeDetector)).toEqual([]);
  });
});

describe('loadBarcodeReader', () => {
  it('uses the browser’s detector, asking for our formats, without loading the fallback', async () => {
    const native = fakeNativeDetector(SCAN_FORMATS);
    let fallbackLoaded = false;
    const reader = await loadBarcodeReader({ BarcodeDetector: native.BarcodeDetector }, () => {
      fallbackLoaded = true;
      return loadFallback();
    });
    expect(await reader.read(VIDEO)).toEqual(['6001234567890']);
    expect(native.created).toEqual([{ formats: [...SCAN_FORMATS] }]);
    expect(fallbackLoaded).toBe(false);
  });

  it('loads the fallback without a native detector, or with one missing a format', async () => {
    expect(await (await loadBarcodeReader({}, loadFallback)).read(VIDEO)).toEqual(['from-wasm']);
    const partial = fakeNativeDetector(['qr_code']);
    expect(
      await (await loadBarcodeReader({ BarcodeDetector: partial.BarcodeDetector }, loadFallback)).read(VIDEO),
    ).toEqual(['from-wasm']);
    expect(partial.created).toEqual([]);
  });
});
