/**
 * The fallback decoder: ZXing-C++ compiled to WebAssembly, behind a BarcodeDetector ponyfill
 * (same API as the native one). Loaded only through `barcodeReader.ts`'s dynamic import.
 *
 * The .wasm file is bundled by Vite (`?url`), served from our own origin and cached by the
 * service worker, so scanning works offline: the library's default would fetch it from a CDN.
 * Compiling it needs 'wasm-unsafe-eval' in the page's CSP script-src.
 */
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { SCAN_FORMATS } from './barcodeFormats';
import { readerFrom, type BarcodeReader } from './detectorReader';

export async function createWasmReader(): Promise<BarcodeReader> {
  // Compile now, while the camera starts, so a missing file or a blocked compile shows as an
  // error at once rather than as a scanner that silently never reads anything.
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  return readerFrom(new BarcodeDetector({ formats: [...SCAN_FORMATS] }));
}
