import type { NativeBarcodeDetector } from './decoderChoice';

export interface BarcodeReader {
  /** The codes seen in the video's current frame (none is the usual answer). */
  read(video: HTMLVideoElement): Promise<string[]>;
}

/** Wraps a BarcodeDetector, the browser's or the ponyfill's: they share one API. */
export function readerFrom(detector: NativeBarcodeDetector): BarcodeReader {
  return {
    async read(video) {
      const barcodes = await detector.detect(video);
      return barcodes.map((barcode) => barcode.rawValue).filter((code) => code !== '');
    },
  };
}
