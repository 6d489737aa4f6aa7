/// <reference types="node" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';
import { describe, expect, it } from 'vitest';

describe('the bundled decoder', () => {
  it('bundles the very .wasm file the ponyfill’s glue code was built for', () => {
    // wasmReader.ts imports the file from zxing-wasm itself; a version that drifted from
    // barcode-detector's pinned one would load, then fail on the first frame.
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const sha256 = createHash('sha256').update(readFileSync(wasmPath)).digest('hex');
    expect(sha256).toBe(ZXING_WASM_SHA256);
  });
});
