/**
 * The bytes and the grammar of a CSV file (SPEC CSV1, CSV2), by hand: the domain runs in
 * the browser and on the server with no DOM (no TextDecoder in its types), and a report
 * per row needs each record's line in the file, which CSV libraries do not give.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

/** Code points of bytes 0x80–0x9F in Windows-1252 (WHATWG's table; the 5 unassigned map to themselves). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; byte: number };

/**
 * Bytes to text. UTF-8 is checked strictly (overlong forms, surrogates and code points past
 * U+10FFFF are refused); the first bad byte's offset and line come back, never a guess.
 * A byte-order mark is dropped. Windows-1252 (Excel's "CSV" on Windows) decodes any bytes.
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding: CsvEncoding): DecodeResult {
  const parts: string[] = [];
  let chunk: number[] = [];
  const push = (codePoint: number) => {
    chunk.push(codePoint);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  };
  let index = 0;
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      push(byte);
      index += 1;
    } else if (encoding === 'windows-1252') {
      push(byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte);
      index += 1;
    } else {
      const length =
        byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
      let codePoint = length === 2 ? byte & 0x1f : length === 3 ? byte & 0x0f : byte & 0x07;
      let valid = length > 0 && index + length <= bytes.length;
      for (let next = 1; valid && next < length; next += 1) {
        const continuation = bytes[index + next] ?? 0;
        if ((continuation & 0xc0) !== 0x80) valid = false;
        codePoint = (codePoint << 6) | (continuation & 0x3f);
      }
      const smallest = length === 3 ? 0x800 : length === 4 ? 0x10000 : 0x80;
      if (!valid || codePoint < smallest || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        let line = 1;
        for (let before = 0; before < index; before += 1) if (bytes[before] === 0x0a) line += 1;
        return { ok: false, line, byte: index };
      }
      push(codePoint);
      index += length;
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return { ok: true, text: parts.join('') };
}

/**
 * The delimiter is the one of `;`, `,` and tab found most often, outside quotes, on the header
 * line (South African Excel writes `;`, most other programs `,`); `,` when none is there.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (['\t', ';', ','] as const).reduce(
    (winner, next) => (counts[next] > counts[winner] ? next : winner),
    ',',
  );
  return counts[best] > 0 ? best : ',';
}

export interface CsvRecord {
  /** The file's line (1-based) where the record starts: a quoted cell may hold line breaks. */
  line: number;
  cells: string[];
}

export type ParsedCsv =
  | { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] }
  | { ok: false; delimiter: CsvDelimiter; unclosedQuoteLine: number };

/**
 * RFC 4180 records: cells in double quotes may hold the delimiter, line breaks and `""` for a
 * quote; CRLF, LF or CR end a record. Text after a closing quote is kept, as spreadsheets do.
 * Records whose cells are all blank (the empty lines spreadsheets leave) are dropped.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): ParsedCsv {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line += 1;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) return { ok: false, delimiter, unclosedQuoteLine: quoteLine };
  endRecord();
  return { ok: true, delimiter, records };
}

/** One cell written for `delimiter`: quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string, delimiter: CsvDelimiter): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}
