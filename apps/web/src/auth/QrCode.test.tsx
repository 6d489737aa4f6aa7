import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QrCode } from './QrCode';

const URI = 'otpauth://totp/OpenTill:nomsa%40example.co.za?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=OpenTill';

describe('QrCode', () => {
  const html = renderToStaticMarkup(<QrCode value={URI} label="Scan me" data-testid="qr" />);

  it('draws an SVG the policy allows: no style attribute, no script, named for screen readers', () => {
    expect(html).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="Scan me"/);
    expect(html).not.toMatch(/style=|<script|<foreignObject/i);
    expect(html).toContain('data-testid="qr"');
  });

  it('draws every dark module inside the quiet zone, starting with the top-left finder pattern', () => {
    const size = Number(/viewBox="0 0 (\d+) \1"/.exec(html)?.[1]);
    // Version 1 is 21 modules, each version 4 more; plus 4 blank modules either side.
    expect((size - 8 - 21) % 4).toBe(0);
    const path = /<path d="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
    const modules = [...path.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => [Number(x), Number(y)]);
    expect(modules.every(([x = 0, y = 0]) => x >= 4 && y >= 4 && x < size - 4 && y < size - 4)).toBe(true);
  });
});
