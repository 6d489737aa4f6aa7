/**
 * Gives the camera scanner something that reads barcodes from a <video>: the browser's own
 * detector when it will do, else the WebAssembly one, fetched only now that the camera is open
 * (a dynamic import: it never weighs on the first load).
 */
import { SCAN_FORMATS } from './barcodeFormats';
import { chooseDecoder, nativeDetectorClass, nativeFormatsOf } from './decoderChoice';
import { readerFrom, type BarcodeReader } from './detectorReader';

export type { BarcodeReader } from './detectorReader';

const loadWasmReader = () => import('./wasmReader').then((module) => module.createWasmReader());

export async function loadBarcodeReader(
  scope: object = globalThis,
  loadFallback: () => Promise<BarcodeReader> = loadWasmReader,
): Promise<BarcodeReader> {
  const Native = nativeDetectorClass(scope);
  if (Native && chooseDecoder(await nativeFormatsOf(Native)) === 'native') {
    return readerFrom(new Native({ formats: [...SCAN_FORMATS] }));
  }
  return loadFallback();
}
