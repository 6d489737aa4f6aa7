import { encode } from 'uqr';

/** The QR code of a receipt's code (RC2) as dark modules, row by row, without the quiet zone. */
export function qrModules(code: string): boolean[][] {
  return encode(code, { ecc: 'M', border: 0 }).data;
}

/**
 * RX6: the QR code as a small SVG: one path of runs of dark modules per row, with
 * the four-module quiet zone scanners need, so a slip's code is found at the counter.
 */
export function qrSvg(code: string, sizeCss = '28mm'): string {
  const modules = qrModules(code);
  const quiet = 4;
  const size = modules.length + quiet * 2;
  let path = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      path += `M${start + quiet} ${y + quiet}h${x - start}v1h-${x - start}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${sizeCss}" height="${sizeCss}" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
