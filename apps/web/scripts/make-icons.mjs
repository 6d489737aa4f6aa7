// Draws the OpenTill icons (a white till receipt on teal) without any image library:
// shapes are tested per sample point, 4×4 supersampled, and written as PNG with zlib.
// Run: node apps/web/scripts/make-icons.mjs (writes apps/web/public/icons/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];

// The receipt in a unit square; `scale` shrinks it about the centre (maskable safe zone).
function receipt(scale) {
  const s = (v) => 0.5 + (v - 0.5) * scale;
  const left = s(0.3);
  const right = s(0.7);
  const top = s(0.2);
  const bottom = s(0.8);
  const radius = 0.045 * scale;
  const teeth = 5;
  const depth = 0.05 * scale;
  const tooth = (right - left) / teeth;
  const bars = [
    { y: s(0.33), x0: s(0.37), x1: s(0.63) },
    { y: s(0.43), x0: s(0.37), x1: s(0.56) },
    { y: s(0.53), x0: s(0.37), x1: s(0.6) },
    { y: s(0.65), x0: s(0.47), x1: s(0.63), thick: true },
  ].map((bar) => ({ ...bar, h: (bar.thick ? 0.05 : 0.032) * scale }));
  return { left, right, top, bottom, radius, teeth, depth, tooth, bars };
}

function bottomEdge(r, x) {
  const phase = ((x - r.left) / r.tooth) % 1;
  const tri = phase < 0.5 ? phase * 2 : (1 - phase) * 2;
  return r.bottom - r.depth * tri;
}

function inRoundedRect(x, y, x0, y0, x1, y1, radius) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inReceipt(r, x, y) {
  if (x < r.left || x > r.right || y < r.top) return false;
  if (y > bottomEdge(r, x)) return false;
  // Round the two top corners only.
  if (y < r.top + r.radius) return inRoundedRect(x, y, r.left, r.top, r.right, r.top + 2 * r.radius, r.radius);
  return true;
}

function inBar(r, x, y) {
  return r.bars.some((b) => inRoundedRect(x, y, b.x0, b.y - b.h / 2, b.x1, b.y + b.h / 2, b.h / 2));
}

/** Colour (or null for transparent) at a unit-square point. */
function shade(kind, x, y) {
  const r = receipt(kind === 'maskable' ? 0.9 : 1);
  const inBackground = kind === 'any' ? inRoundedRect(x, y, 0, 0, 1, 1, 0.22) : true;
  if (!inBackground) return null;
  if (inReceipt(r, x, y) && !inBar(r, x, y)) return WHITE;
  return TEAL;
}

function render(size, kind) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = shade(kind, (px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha += 1;
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = alpha ? Math.round(red / alpha) : 0;
      pixels[i + 1] = alpha ? Math.round(green / alpha) : 0;
      pixels[i + 2] = alpha ? Math.round(blue / alpha) : 0;
      pixels[i + 3] = Math.round((alpha / (n * n)) * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const r = receipt(1);
  const f = (v) => Number((v * 512).toFixed(1));
  let outline = `M${f(r.left)} ${f(r.top + r.radius)}`;
  outline += ` Q${f(r.left)} ${f(r.top)} ${f(r.left + r.radius)} ${f(r.top)}`;
  outline += ` H${f(r.right - r.radius)} Q${f(r.right)} ${f(r.top)} ${f(r.right)} ${f(r.top + r.radius)}`;
  outline += ` V${f(r.bottom)}`;
  for (let i = r.teeth - 1; i >= 0; i--) {
    outline += ` L${f(r.left + (i + 0.5) * r.tooth)} ${f(r.bottom - r.depth)} L${f(r.left + i * r.tooth)} ${f(r.bottom)}`;
  }
  outline += ' Z';
  const bars = r.bars
    .map(
      (b) =>
        `<rect x="${f(b.x0)}" y="${f(b.y - b.h / 2)}" width="${f(b.x1 - b.x0)}" height="${f(b.h)}" rx="${f(b.h / 2)}" fill="#0f766e"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${f(0.22)}" fill="#0f766e"/><path d="${outline}" fill="#fff"/>${bars}</svg>\n`;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'icon-192.png'), render(192, 'any'));
writeFileSync(join(OUT, 'icon-512.png'), render(512, 'any'));
writeFileSync(join(OUT, 'maskable-512.png'), render(512, 'maskable'));
writeFileSync(join(OUT, 'apple-touch-icon.png'), render(180, 'maskable'));
writeFileSync(join(OUT, 'icon.svg'), svg());
console.log(`Icons written to ${OUT}`);
