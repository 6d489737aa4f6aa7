import { describe, expect, it } from 'vitest';
import { csvCell, decodeCsvBytes, detectDelimiter, parseCsv } from './csvText.js';
import { latin1, utf8 } from './csvBytes.test-helpers.js';

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeCsvBytes(utf8('\uFEFFCrème, 😀, Ŋ'), 'utf-8')).toEqual({ ok: true, text: 'Crème, 😀, Ŋ' });
  });

  it('names the line of the first byte that is not UTF-8, never guessing', () => {
    expect(decodeCsvBytes(latin1('Name\nBread\nCrème brûlée'), 'utf-8')).toEqual({ ok: false, line: 3, byte: 13 });
    // An overlong "/" and a UTF-16 surrogate are refused too.
    expect(decodeCsvBytes(Uint8Array.from([0x61, 0xc0, 0xaf]), 'utf-8')).toMatchObject({ ok: false, line: 1 });
    expect(decodeCsvBytes(Uint8Array.from([0xed, 0xa0, 0x80]), 'utf-8')).toMatchObject({ ok: false });
    expect(decodeCsvBytes(Uint8Array.from([0xe2, 0x82]), 'utf-8')).toMatchObject({ ok: false }); // cut short
  });

  it('decodes Windows-1252 when asked, with its own characters in 0x80–0x9F', () => {
    expect(
      decodeCsvBytes(Uint8Array.from([0x43, 0x72, 0xe8, 0x6d, 0x65, 0x20, 0x80, 0x93, 0x94]), 'windows-1252'),
    ).toEqual({ ok: true, text: 'Crème €“”' });
  });

  it('decodes a large file', () => {
    const text = 'Name;Price\n'.repeat(5000);
    expect(decodeCsvBytes(utf8(text), 'utf-8')).toEqual({ ok: true, text });
  });
});

describe('detectDelimiter', () => {
  it('takes the separator of the header line, outside quotes', () => {
    expect(detectDelimiter('Name;Price;Barcode\nBread, white;18,99;1')).toBe(';');
    expect(detectDelimiter('Name,Price\n')).toBe(',');
    expect(detectDelimiter('"Name;x",Price')).toBe(',');
    expect(detectDelimiter('Name\tPrice')).toBe('\t');
    expect(detectDelimiter('Name')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, delimiters and line breaks in quotes, CRLF, with each record’s line', () => {
    const parsed = parseCsv('Name;Price\r\n"Bread; ""white""";18,99\r\n\r\n"Two\r\nlines";5\r\nLast;1');
    expect(parsed).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        { line: 1, cells: ['Name', 'Price'] },
        { line: 2, cells: ['Bread; "white"', '18,99'] },
        { line: 4, cells: ['Two\r\nlines', '5'] },
        { line: 6, cells: ['Last', '1'] },
      ],
    });
  });

  it('drops blank records and reports a quote never closed', () => {
    expect(parseCsv('a,b\n,\n1,2\n')).toMatchObject({ records: [{ line: 1 }, { line: 3 }] });
    expect(parseCsv('a,b\n1,"open\n2,3')).toEqual({ ok: false, delimiter: ',', unclosedQuoteLine: 2 });
  });
});

describe('csvCell', () => {
  it('quotes only what needs it', () => {
    expect(csvCell('Bread', ';')).toBe('Bread');
    expect(csvCell('18,99', ';')).toBe('18,99');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell(' padded', ',')).toBe('" padded"');
  });
});
