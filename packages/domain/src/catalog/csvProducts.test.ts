import { describe, expect, it } from 'vitest';
import { latin1, utf8 } from './csvBytes.test-helpers.js';
import { productInputSchema } from './product.js';
import {
  CSV_COLUMNS,
  productsToCsv,
  readProductsCsv,
  type CsvCatalogueProduct,
  type CsvImportReport,
  type ReadProductsCsvOptions,
} from './csvProducts.js';

const BREAD: CsvCatalogueProduct = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'White bread 700g',
  price: 1899,
  barcode: '6001000000018',
  category: 'Bakery',
  sku: 'BRD-1',
  genericName: null,
  taxClass: 'standard',
  favourite: true,
  isActive: true,
  trackStock: true,
  oversellPolicy: null,
  syncVersion: 4,
};
const PANADO: CsvCatalogueProduct = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Panado 24s; "caplets"',
  price: 4250,
  barcode: null,
  alternateBarcodes: ['6001000000094', '6001000000100'],
  category: null,
  sku: null,
  genericName: 'paracetamol',
  brandName: 'Panado',
  cost: 3100,
  requiresPrescription: false,
  schedule: 'S1',
  reorderLevel: 6,
  taxClass: 'zero',
  favourite: false,
  isActive: false,
  trackStock: false,
  oversellPolicy: 'reject',
  syncVersion: null,
};
/** A product stored before the newer fields existed. */
const OLD_STYLE: CsvCatalogueProduct = {
  id: '00000000-0000-4000-8000-000000000003',
  name: 'Vetkoek',
  price: 500,
  barcode: null,
  category: null,
  isActive: true,
  trackStock: false,
  oversellPolicy: null,
  syncVersion: 1,
};

function options(overrides: Partial<ReadProductsCsvOptions> = {}): ReadProductsCsvOptions {
  let next = 0;
  return {
    catalogue: [BREAD, PANADO, OLD_STYLE],
    stock: new Map([[BREAD.id, 12]]),
    newId: () => `10000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`,
    ...overrides,
  };
}

const read = (csv: string, overrides: Partial<ReadProductsCsvOptions> = {}) =>
  readProductsCsv(utf8(csv), options(overrides));

/** Each row as [line, status, the problems' field:code]. */
const summary = (report: CsvImportReport) =>
  report.rows.map((row) => [row.line, row.status, row.problems.map((p) => `${p.field ?? '-'}:${p.code}`)]);

describe('readProductsCsv: the Must-show file', () => {
  // Excel on Windows saved it: Windows-1252, ';' between cells, prices with a decimal comma.
  const file = latin1(
    [
      'Name;Price (R);Barcode;Stock code;Opening stock;Supplier',
      'Crème soda 2L;24,99;6001000000025;CS-2;10;Coke SA',
      ';12,50;6001000000032;;;',
      'Sugar 1kg;abc;6001000000049;;;',
      'Salt;-5,00;6001000000056;;;',
      'Rice 2kg;39,99;6001000000063;;;',
      'Rice 2kg (again);41,99;6001000000063;;;',
      'Brown bread;17,99;6001000000018;BRD-2;;',
      'Maize meal 5kg;R 1 299,00;;;5;',
    ].join('\r\n'),
  );

  it('refuses the bytes as UTF-8, naming the first line that is not, and imports nothing', () => {
    const report = readProductsCsv(file, options());
    expect(report.fileProblems).toEqual([{ field: null, code: 'NOT_UTF8', severity: 'error', values: { line: 2 } }]);
    expect(report.rows).toEqual([]);
    expect(report.counts.importable).toBe(0);
  });

  it('read as Windows-1252 when the person chooses it, reports each problem by row', () => {
    const report = readProductsCsv(file, options({ encoding: 'windows-1252' }));
    expect(report.delimiter).toBe(';');
    expect(report.fileProblems).toEqual([
      { field: null, code: 'UNKNOWN_COLUMNS', severity: 'warning', values: { columns: 'Supplier' } },
    ]);
    expect(summary(report)).toEqual([
      [2, 'ok', []],
      [3, 'error', ['name:REQUIRED']],
      [4, 'error', ['price:BAD_PRICE']],
      [5, 'error', ['price:NEGATIVE_PRICE']],
      [6, 'error', ['barcode:DUPLICATE_IN_FILE']],
      [7, 'error', ['barcode:DUPLICATE_IN_FILE']],
      [8, 'error', ['barcode:IN_CATALOGUE']],
      [9, 'ok', []],
    ]);
    expect(report.rows[4]?.problems[0]?.values).toEqual({ line: 7 });
    expect(report.rows[5]?.problems[0]?.values).toEqual({ line: 6 });
    expect(report.rows[6]?.problems[0]?.values).toEqual({ name: 'White bread 700g' });
    expect(report.rows[0]).toMatchObject({
      name: 'Crème soda 2L',
      action: 'create',
      openingStock: 10,
      edit: { name: 'Crème soda 2L', price: 2499, barcode: '6001000000025', sku: 'CS-2', trackStock: true },
    });
    expect(report.rows[7]).toMatchObject({ action: 'create', openingStock: 5, edit: { price: 129900 } });
    expect(report.rows.filter((row) => row.status === 'error').every((row) => row.edit === undefined)).toBe(true);
    expect(report.counts).toEqual({
      rows: 8,
      ok: 2,
      warning: 0,
      error: 6,
      create: 2,
      update: 0,
      unchanged: 0,
      importable: 2,
    });
  });
});

describe('readProductsCsv: the file', () => {
  it('reports an empty file, a missing column, a repeated column and too many rows', () => {
    expect(read('').fileProblems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(read('Name,Price\n').fileProblems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(read('Name,Barcode\nBread,1').fileProblems).toEqual([
      { field: null, code: 'MISSING_COLUMN', severity: 'error', values: { column: 'Price' } },
    ]);
    expect(read('Name,Price,price (R)\nBread,1,2').fileProblems).toEqual([
      { field: null, code: 'DUPLICATE_COLUMN', severity: 'error', values: { column: 'price (R)' } },
    ]);
    expect(read(`Name,Price\n${'Bread,1\n'.repeat(50_001)}`).fileProblems.map((p) => p.code)).toEqual([
      'TOO_MANY_ROWS',
    ]);
    expect(read('Name,Price\n"Bread,1').fileProblems).toEqual([
      { field: null, code: 'UNCLOSED_QUOTE', severity: 'error', values: { line: 2 } },
    ]);
    expect(read('Name,Price\n"Bread,1').rows).toEqual([]);
  });

  it('reads headers without case, spaces or punctuation, and their aliases', () => {
    const report = read(
      'PRODUCT NAME,price_r,EAN,Tax class,Favorite,Is active,Count stock,QTY,oversell policy\nTea,30,,zero-rated,ja,nee,yes,3,reject',
    );
    expect(report.fileProblems).toEqual([]);
    expect(report.rows[0]).toMatchObject({
      status: 'ok',
      openingStock: 3,
      edit: {
        name: 'Tea',
        price: 3000,
        taxClass: 'zero',
        favourite: true,
        isActive: false,
        trackStock: true,
        oversellPolicy: 'reject',
      },
    });
  });
});

describe('readProductsCsv: cells', () => {
  it('takes prices as South Africans write them', () => {
    const report = read('Name,Price\nA,"18,99"\nB,18.99\nC,R 18.99\nD,"R 1 299,00"\nE,18');
    expect(report.rows.map((row) => row.edit?.price)).toEqual([1899, 1899, 1899, 129900, 1800]);
  });

  it('names each bad cell', () => {
    const long = 'x'.repeat(121);
    const report = read(
      [
        'Name,Price,Barcode,Category,VAT,Favourite,Stock,Track stock',
        `${long},1,,,,,,`,
        'A,,,,,,,',
        'B,1,12 34,,,,,',
        'C,1,6.00123E+12,,,,,',
        'D,1,,,luxury,,,',
        'E,1,,,,maybe,,',
        'F,1,,,,,-2,yes',
        'G,1,,,,,3,no',
        `H,1,,${'c'.repeat(61)},,,,`,
        'I,1,,,,,,,extra',
      ].join('\n'),
    );
    expect(summary(report)).toEqual([
      [2, 'error', ['name:TOO_LONG']],
      [3, 'error', ['price:REQUIRED']],
      [4, 'error', ['barcode:BAD_FORMAT']],
      [5, 'error', ['barcode:BARCODE_AS_NUMBER']],
      [6, 'error', ['taxClass:BAD_CHOICE']],
      [7, 'error', ['favourite:BAD_YES_NO']],
      [8, 'error', ['openingStock:BAD_QUANTITY']],
      [9, 'error', ['openingStock:STOCK_NOT_TRACKED']],
      [10, 'error', ['category:TOO_LONG']],
      [11, 'warning', ['-:EXTRA_CELLS']],
    ]);
    expect(report.rows[0]?.problems[0]?.values).toEqual({ max: 120 });
    expect(report.rows[4]?.problems[0]?.values).toEqual({ choices: 'standard, zero, exempt' });
  });
});

describe('readProductsCsv: the pharmacy’s fields', () => {
  it('reads brand, extra barcodes, cost, prescription, schedule and reorder level', () => {
    const report = read(
      [
        'Name,Price,Barcode,More barcodes,Brand,Cost,Prescription,Schedule,Reorder level',
        'Amoxil 500mg,"89,99",6001000000117,"6001000000124 | 6001000000131",Amoxil,"R 61,20",yes,s4,3',
        'Plaster,5,,,,,,,',
      ].join('\n'),
    );
    expect(report.rows.map((row) => row.status)).toEqual(['ok', 'ok']);
    expect(report.rows[0]?.edit).toMatchObject({
      alternateBarcodes: ['6001000000124', '6001000000131'],
      brandName: 'Amoxil',
      cost: 6120,
      requiresPrescription: true,
      schedule: 'S4',
      reorderLevel: 3,
    });
    expect(report.rows[1]?.edit).toMatchObject({
      alternateBarcodes: [],
      brandName: null,
      cost: null,
      requiresPrescription: false,
      schedule: null,
      reorderLevel: null,
    });
  });

  it('names bad extra barcodes, a bad cost and schedule, and codes used elsewhere', () => {
    const report = read(
      [
        'Name,Price,Barcode,More barcodes,Cost,Schedule',
        `A,1,,${Array.from({ length: 11 }, (_, index) => `7${index}`).join(' ')},,`,
        'B,1,,"71, 71",,',
        'C,1,72,72,,',
        'D,1,,6001000000094,,', // Panado's extra barcode
        'E,1,73,,-1,',
        'F,1,,73,abc,S9',
      ].join('\n'),
    );
    expect(summary(report)).toEqual([
      [2, 'error', ['alternateBarcodes:TOO_MANY']],
      [3, 'error', ['alternateBarcodes:REPEATED']],
      [4, 'error', ['alternateBarcodes:REPEATED']],
      [5, 'error', ['alternateBarcodes:IN_CATALOGUE']],
      [6, 'error', ['cost:NEGATIVE_PRICE', 'barcode:DUPLICATE_IN_FILE']],
      [7, 'error', ['cost:BAD_PRICE', 'schedule:BAD_CHOICE', 'alternateBarcodes:DUPLICATE_IN_FILE']],
    ]);
    expect(report.rows[3]?.problems[0]?.values).toEqual({ name: PANADO.name });
  });
});

describe('readProductsCsv: rows against each other and the catalogue', () => {
  it('updates a product matched by id, stock code or barcode, keeping what the file leaves out', () => {
    const report = read(
      [
        'Id,Name,Price',
        `${PANADO.id},Panado 24s,45`,
        ',Scones,19', // no id, no barcode, no stock code: a new product
      ].join('\n'),
    );
    expect(report.rows[0]).toMatchObject({
      action: 'update',
      seenVersion: null,
      edit: { id: PANADO.id, name: 'Panado 24s', price: 4500, genericName: 'paracetamol', oversellPolicy: 'reject' },
    });
    expect(report.rows[1]).toMatchObject({ action: 'create' });

    const bySku = read('Stock code,Name,Price\nbrd-1,White bread 700g,19.50');
    expect(bySku.rows[0]).toMatchObject({ action: 'update', seenVersion: 4, edit: { id: BREAD.id, price: 1950 } });
    const byBarcode = read('Barcode,Name,Price\n6001000000018,White bread 700g,18.99');
    expect(byBarcode.rows[0]).toMatchObject({ action: 'unchanged', status: 'ok' });
    expect(byBarcode.rows[0]?.edit).toBeUndefined();
  });

  it('refuses an unknown id, and a barcode or stock code of another product', () => {
    const report = read(
      [
        'Id,Name,Price,Barcode,Stock code',
        '00000000-0000-4000-8000-00000000dead,Gone,1,,',
        `${PANADO.id},Panado,1,6001000000018,`,
        `${OLD_STYLE.id},Vetkoek,1,,BRD-1`,
      ].join('\n'),
    );
    expect(summary(report)).toEqual([
      [2, 'error', ['id:UNKNOWN_ID']],
      [3, 'error', ['barcode:IN_CATALOGUE']],
      [4, 'error', ['sku:IN_CATALOGUE']],
    ]);
  });

  it('refuses one product twice, found by its stock code on one row and its barcode on another', () => {
    const report = read('Name,Price,Barcode,Stock code\nBread A,1,,BRD-1\nBread B,1,6001000000018,');
    expect(summary(report)).toEqual([
      [2, 'error', ['-:DUPLICATE_IN_FILE']],
      [3, 'error', ['-:DUPLICATE_IN_FILE']],
    ]);
    expect(read('Name,Price,Stock code\nA,1,x-1\nB,1,X-1').rows.map((row) => row.problems)).toEqual([
      [{ field: 'sku', code: 'DUPLICATE_IN_FILE', severity: 'error', values: { line: 3 } }],
      [{ field: 'sku', code: 'DUPLICATE_IN_FILE', severity: 'error', values: { line: 2 } }],
    ]);
  });

  it('warns of a name already in the catalogue or the file, and imports those rows', () => {
    const report = read('Name,Price\nvetkoek,6\nScone,5\nscone,5');
    expect(summary(report)).toEqual([
      [2, 'warning', ['name:DUPLICATE_NAME']],
      [3, 'warning', ['name:DUPLICATE_NAME']],
      [4, 'warning', ['name:DUPLICATE_NAME']],
    ]);
    expect(report.rows[0]?.problems[0]?.values).toEqual({ name: 'Vetkoek' });
    expect(report.counts).toMatchObject({ warning: 3, create: 3, importable: 3 });
  });

  it('takes a new product’s opening stock, and leaves an existing product’s figure to a count', () => {
    const report = read('Name,Price,Stock code,Stock\nWhite bread 700g,18.99,BRD-1,20\nNew,1,,0\nNewer,1,,7');
    expect(summary(report)).toEqual([
      [2, 'warning', ['openingStock:STOCK_NOT_CHANGED']],
      [3, 'ok', []],
      [4, 'ok', []],
    ]);
    expect(report.rows[0]).toMatchObject({ action: 'unchanged', problems: [{ values: { current: 12 } }] });
    expect(report.rows[1]).not.toHaveProperty('openingStock');
    expect(report.rows[2]).toMatchObject({ openingStock: 7, edit: { trackStock: true } });
  });
});

describe('CSV_COLUMNS', () => {
  it('has a column for every field a product edit may set (a new field fails here until it has one)', () => {
    const fields = Object.keys(productInputSchema.shape).filter((field) => field !== 'baseVersion');
    expect(fields.filter((field) => !CSV_COLUMNS.some((column) => column.field === field))).toEqual([]);
  });
});

describe('productsToCsv', () => {
  it('writes a BOM, ";" between cells, decimal commas, CRLF and quotes where needed', () => {
    const csv = productsToCsv([BREAD, PANADO], new Map([[BREAD.id, 12]]));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFName;Price;Barcode;More barcodes;Category;Stock code;Brand name;Generic name;Cost price;VAT;Favourite;' +
        'Active;Prescription;Schedule;Track stock;Stock;Reorder level;If it runs out;Id',
      `White bread 700g;18,99;6001000000018;;Bakery;BRD-1;;;;standard;yes;yes;no;;yes;12;;shop;${BREAD.id}`,
      '"Panado 24s; ""caplets""";42,50;;6001000000094, 6001000000100;;;Panado;paracetamol;31,00;zero;no;no;no;S1;no;;6;' +
        `reject;${PANADO.id}`,
      '',
    ]);
  });

  it('round-trips: importing the export of a catalogue changes nothing', () => {
    const catalogue = [BREAD, PANADO, OLD_STYLE];
    const stock = new Map([[BREAD.id, 12]]);
    const csv = productsToCsv(catalogue, stock);
    const report = readProductsCsv(utf8(csv), options({ catalogue, stock }));
    expect(report.fileProblems).toEqual([]);
    expect(report.rows.map((row) => [row.status, row.action])).toEqual([
      ['ok', 'unchanged'],
      ['ok', 'unchanged'],
      ['ok', 'unchanged'],
    ]);
    expect(report.counts.importable).toBe(0);
  });

  it('round-trips a change made in a spreadsheet as exactly that change', () => {
    const csv = productsToCsv([BREAD], new Map([[BREAD.id, 12]])).replace('18,99', '19,49');
    const report = readProductsCsv(utf8(csv), options());
    expect(report.rows[0]).toMatchObject({ action: 'update', edit: { ...withoutVersion(BREAD), price: 1949 } });
  });
});

function withoutVersion(product: CsvCatalogueProduct) {
  const { syncVersion: _version, ...rest } = product;
  return rest;
}
