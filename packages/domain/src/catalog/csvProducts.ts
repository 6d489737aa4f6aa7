import { parseRands } from '../money/cents.js';
import { TAX_CLASSES } from '../sales/vat.js';
import { MAX_STOCK_MOVEMENT, OVERSELL_POLICIES } from '../stock/stock.js';
import { MAX_ALTERNATE_BARCODES, MEDICINE_SCHEDULES, productInputSchema, type ProductInput } from './product.js';
import { csvCell, decodeCsvBytes, parseCsv, type CsvDelimiter, type CsvEncoding } from './csvText.js';

/**
 * CSV import and export of the catalogue with opening stock (SPEC CSV1–CSV12). Pure: the
 * caller passes the file's bytes, the catalogue, the stock figures and a source of new ids,
 * and gets back a report per row; nothing is written here. Problems come as stable codes
 * with values; the app words them in the person's language.
 */

/** A product as the catalogue holds it: what an edit may set, and the server version held. */
export type CsvCatalogueProduct = Omit<ProductInput, 'baseVersion'> & { syncVersion: number | null };

/** What a row sets: a product's editable fields. */
export type ProductCsvEdit = Omit<ProductInput, 'baseVersion'>;
type EditField = keyof ProductCsvEdit;

/** A column is one of the product's fields, or the stock figure. */
export type CsvField = EditField | 'openingStock';

/** Every problem a report may name; stable, the app words each one (SPEC CSV1–CSV10). */
export const CSV_PROBLEM_CODES = [
  // The file as a whole (SPEC CSV1–CSV4).
  'NOT_UTF8',
  'EMPTY_FILE',
  'UNCLOSED_QUOTE',
  'MISSING_COLUMN',
  'DUPLICATE_COLUMN',
  'UNKNOWN_COLUMNS',
  'TOO_MANY_ROWS',
  // One cell (CSV5–CSV7).
  'REQUIRED',
  'TOO_LONG',
  'TOO_MANY',
  'BAD_FORMAT',
  'BAD_PRICE',
  'NEGATIVE_PRICE',
  'BARCODE_AS_NUMBER',
  'REPEATED',
  'BAD_YES_NO',
  'BAD_CHOICE',
  'BAD_QUANTITY',
  'EXTRA_CELLS',
  'INVALID',
  // Rows against each other and against the catalogue (CSV8–CSV10).
  'DUPLICATE_IN_FILE',
  'IN_CATALOGUE',
  'UNKNOWN_ID',
  'DUPLICATE_NAME',
  'STOCK_NOT_TRACKED',
  'STOCK_NOT_CHANGED',
] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

export interface CsvProblem {
  /** The column concerned; null for the row or the file as a whole. */
  field: CsvField | null;
  code: CsvProblemCode;
  severity: 'error' | 'warning';
  /** What the words need: a line, a product's name, a limit, column names. */
  values?: Record<string, string | number>;
}

export type CsvRowAction = 'create' | 'update' | 'unchanged';

export interface CsvRowReport {
  /** The file's line where the row starts (the header is line 1). */
  line: number;
  status: 'ok' | 'warning' | 'error';
  problems: CsvProblem[];
  /** The name as written, to show beside the line. */
  name: string;
  /** For a row without errors: what importing it does. */
  action?: CsvRowAction;
  /** For a row without errors that changes something: the product as it will be saved. */
  edit?: ProductCsvEdit;
  /**
   * For an update: the server version of the product the report was made against (null: not
   * yet acknowledged). The import skips the row if the product has moved on since (CSV11).
   */
  seenVersion?: number | null;
  /** For a new tracked product: units to receive as its opening stock (≥ 1). */
  openingStock?: number;
}

export interface CsvImportReport {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Problems of the file; any error means no row can be imported. */
  fileProblems: CsvProblem[];
  rows: CsvRowReport[];
  counts: {
    rows: number;
    ok: number;
    warning: number;
    error: number;
    create: number;
    update: number;
    unchanged: number;
    /** Rows that would be written: created or changed, without errors. */
    importable: number;
  };
}

/** Largest file taken in one import (SPEC CSV4). */
export const MAX_CSV_ROWS = 50_000;

// ---------------------------------------------------------------------------------------------
// Columns. A new product field is one line in CSV_COLUMNS, made with one of these cell kinds.

type CellRead = { value: unknown } | { problem: CsvProblemCode; values?: Record<string, string | number> };

interface CellKind {
  /** A cell to its value; an empty cell gives the field's empty value (CSV5). */
  read: (cell: string) => CellRead;
  /** A value to its cell, for export and to tell whether a row changes anything. */
  write: (value: unknown) => string;
}

export interface CsvColumn extends CellKind {
  field: CsvField;
  /** The header written on export. */
  header: string;
  /** Other headers read as this column, compared without case, spaces or punctuation. */
  aliases: readonly string[];
}

const YES = ['yes', 'y', 'true', '1', 'ja', 'yebo'];
const NO = ['no', 'n', 'false', '0', 'nee', 'cha'];

/** Text; empty is none (null). */
const text = (): CellKind => ({
  read: (cell) => ({ value: cell.trim() === '' ? null : cell.trim() }),
  write: (value) => (typeof value === 'string' ? value : ''),
});

/** Text that must be there. */
const requiredText = (): CellKind => ({
  read: (cell) => (cell.trim() === '' ? { problem: 'REQUIRED' } : { value: cell.trim() }),
  write: text().write,
});

/** Rands as people write them ("18,99", "R 1 299.00"), to cents (M4); empty is `empty`, or missing. */
const rands = (empty?: null): CellKind => ({
  read: (cell) => {
    const trimmed = cell.trim();
    if (trimmed === '') return empty === null ? { value: null } : { problem: 'REQUIRED' };
    if (/^-\s*R?\s*\d|^R\s*-/i.test(trimmed)) return { problem: 'NEGATIVE_PRICE' };
    const parsed = parseRands(trimmed);
    return parsed === null ? { problem: 'BAD_PRICE' } : { value: parsed };
  },
  write: (value) =>
    typeof value === 'number' ? `${Math.floor(value / 100)},${String(value % 100).padStart(2, '0')}` : '',
});

/** Excel writes a long number it was given as "6.00123E+12": the digits are lost for good (CSV6). */
const looksScientific = (code: string) => /^\d+([.,]\d+)?E\+\d+$/i.test(code.trim());

/** A barcode. */
const barcode = (): CellKind => ({
  read: (cell) => (looksScientific(cell) ? { problem: 'BARCODE_AS_NUMBER' } : text().read(cell)),
  write: text().write,
});

/** More barcodes in one cell, separated by commas, "|" or spaces; empty is none. */
const barcodeList = (): CellKind => ({
  read: (cell) => {
    const codes = cell.split(/[,|\s]+/).filter((code) => code !== '');
    if (codes.some(looksScientific)) return { problem: 'BARCODE_AS_NUMBER' };
    if (codes.length > MAX_ALTERNATE_BARCODES) return { problem: 'TOO_MANY', values: { max: MAX_ALTERNATE_BARCODES } };
    if (new Set(codes).size !== codes.length) return { problem: 'REPEATED' };
    return { value: codes };
  },
  write: (value) => (Array.isArray(value) ? value.join(', ') : ''),
});

/** Yes or no (also ja/nee, yebo/cha, true/false, 1/0); empty is `empty`. */
const yesNo = (empty: boolean): CellKind => ({
  read: (cell) => {
    const word = cell.trim().toLowerCase();
    if (word === '') return { value: empty };
    if (YES.includes(word)) return { value: true };
    if (NO.includes(word)) return { value: false };
    return { problem: 'BAD_YES_NO' };
  },
  write: (value) => (value === true ? 'yes' : value === false ? 'no' : ''),
});

/** One of fixed words, in any case (with a few spellings people use); empty is `empty`, null written `nullWord`. */
const choice = <T extends string>(
  choices: readonly T[],
  empty: T | null,
  { spellings = {}, nullWord = '' }: { spellings?: Record<string, T | null>; nullWord?: string } = {},
): CellKind => ({
  read: (cell) => {
    const word = cell.trim().toLowerCase();
    if (word === '') return { value: empty };
    if (word === nullWord) return { value: null };
    const found = choices.find((known) => known.toLowerCase() === word) ?? spellings[word];
    return found === undefined ? { problem: 'BAD_CHOICE', values: { choices: choices.join(', ') } } : { value: found };
  },
  write: (value) => (typeof value === 'string' ? value : value === null ? nullWord : ''),
});

/** A whole number of units, 0 or more; empty is `empty` (none). */
const units = (empty: null | undefined): CellKind => ({
  read: (cell) => {
    const trimmed = cell.trim().replace(/\s/g, '');
    if (trimmed === '') return { value: empty };
    return /^\d{1,7}$/.test(trimmed) && Number(trimmed) <= MAX_STOCK_MOVEMENT
      ? { value: Number(trimmed) }
      : { problem: 'BAD_QUANTITY', values: { max: MAX_STOCK_MOVEMENT } };
  },
  write: (value) => (typeof value === 'number' ? String(value) : ''),
});

/**
 * The columns, in the order export writes them. `openingStock` is the stock figure: a new
 * product's opening stock on import, the figure this phone shows on export.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  {
    field: 'name',
    header: 'Name',
    aliases: ['product', 'product name', 'description', 'naam', 'igama'],
    ...requiredText(),
  },
  { field: 'price', header: 'Price', aliases: ['price (R)', 'selling price', 'prys'], ...rands() },
  { field: 'barcode', header: 'Barcode', aliases: ['ean', 'ean13', 'strepieskode', 'ibhakhodi'], ...barcode() },
  {
    field: 'alternateBarcodes',
    header: 'More barcodes',
    aliases: ['other barcodes', 'alternate barcodes'],
    ...barcodeList(),
  },
  { field: 'category', header: 'Category', aliases: ['kategorie'], ...text() },
  { field: 'sku', header: 'Stock code', aliases: ['sku', 'code', 'item code', 'voorraadkode'], ...text() },
  { field: 'brandName', header: 'Brand name', aliases: ['brand', 'handelsnaam'], ...text() },
  { field: 'genericName', header: 'Generic name', aliases: ['generic', 'active ingredient'], ...text() },
  { field: 'cost', header: 'Cost price', aliases: ['cost', 'cost (R)', 'buying price', 'kosprys'], ...rands(null) },
  {
    field: 'taxClass',
    header: 'VAT',
    aliases: ['tax class', 'tax', 'btw'],
    ...choice(TAX_CLASSES, 'standard', {
      spellings: { 'zero-rated': 'zero', 'zero rated': 'zero', '0%': 'zero', '15%': 'standard' },
    }),
  },
  { field: 'favourite', header: 'Favourite', aliases: ['favorite', 'gunsteling'], ...yesNo(false) },
  { field: 'isActive', header: 'Active', aliases: ['is active', 'aktief'], ...yesNo(true) },
  {
    field: 'requiresPrescription',
    header: 'Prescription',
    aliases: ['requires prescription', 'script', 'rx'],
    ...yesNo(false),
  },
  {
    field: 'schedule',
    header: 'Schedule',
    aliases: ['medicine schedule', 'skedule'],
    ...choice(MEDICINE_SCHEDULES, null, { spellings: { none: null, unscheduled: null } }),
  },
  { field: 'trackStock', header: 'Track stock', aliases: ['count stock', 'stock tracked'], ...yesNo(false) },
  {
    field: 'openingStock',
    header: 'Stock',
    aliases: ['opening stock', 'quantity', 'qty', 'on hand', 'stock on hand', 'voorraad'],
    ...units(undefined),
  },
  {
    field: 'reorderLevel',
    header: 'Reorder level',
    aliases: ['reorder point', 'minimum stock', 'min stock'],
    ...units(null),
  },
  {
    field: 'oversellPolicy',
    header: 'If it runs out',
    aliases: ['oversell policy', 'oversell'],
    ...choice(OVERSELL_POLICIES, null, { nullWord: 'shop' }),
  },
  { field: 'id', header: 'Id', aliases: ['product id', 'uuid'], ...text() },
];

const REQUIRED_COLUMNS: readonly CsvField[] = ['name', 'price'];

/** "Price (R)", "price_r" and "PRICE R" are the same header. */
const headerKey = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const COLUMN_BY_HEADER = new Map<string, CsvColumn>(
  CSV_COLUMNS.flatMap((column) => [column.header, ...column.aliases].map((name) => [headerKey(name), column] as const)),
);

// ---------------------------------------------------------------------------------------------
// Import.

export interface ReadProductsCsvOptions {
  /** UTF-8 unless the person chose Windows-1252 after a NOT_UTF8 problem: never guessed (CSV1). */
  encoding?: CsvEncoding;
  /** The products on this phone now. */
  catalogue: readonly CsvCatalogueProduct[];
  /** The stock figure this phone shows per product. */
  stock: ReadonlyMap<string, number>;
  /** A new product's id (crypto.randomUUID in the app). */
  newId: () => string;
}

const fileReport = (encoding: CsvEncoding, delimiter: CsvDelimiter, fileProblems: CsvProblem[]): CsvImportReport => ({
  encoding,
  delimiter,
  fileProblems,
  rows: [],
  counts: { rows: 0, ok: 0, warning: 0, error: 0, create: 0, update: 0, unchanged: 0, importable: 0 },
});

const fileError = (code: CsvProblemCode, values?: Record<string, string | number>): CsvProblem => ({
  field: null,
  code,
  severity: 'error',
  ...(values ? { values } : {}),
});

interface WorkingRow {
  report: CsvRowReport;
  values: Partial<Record<CsvField, unknown>>;
  match: CsvCatalogueProduct | undefined;
}

/** Reads a CSV file of products into a report per row; writes nothing (SPEC CSV1–CSV11). */
export function readProductsCsv(bytes: Uint8Array, options: ReadProductsCsvOptions): CsvImportReport {
  const encoding = options.encoding ?? 'utf-8';
  const decoded = decodeCsvBytes(bytes, encoding);
  if (!decoded.ok) return fileReport(encoding, ',', [fileError('NOT_UTF8', { line: decoded.line })]);
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) {
    return fileReport(encoding, parsed.delimiter, [fileError('UNCLOSED_QUOTE', { line: parsed.unclosedQuoteLine })]);
  }
  const [header, ...records] = parsed.records;
  if (!header || records.length === 0) return fileReport(encoding, parsed.delimiter, [fileError('EMPTY_FILE')]);

  const fileProblems: CsvProblem[] = [];
  const columns: (CsvColumn | undefined)[] = header.cells.map((name) => COLUMN_BY_HEADER.get(headerKey(name)));
  const unknown = header.cells.filter((name, index) => columns[index] === undefined && name.trim() !== '');
  for (const field of REQUIRED_COLUMNS) {
    if (!columns.some((column) => column?.field === field)) {
      fileProblems.push(
        fileError('MISSING_COLUMN', { column: CSV_COLUMNS.find((c) => c.field === field)?.header ?? field }),
      );
    }
  }
  columns.forEach((column, index) => {
    if (column && columns.indexOf(column) !== index)
      fileProblems.push(fileError('DUPLICATE_COLUMN', { column: header.cells[index]?.trim() ?? '' }));
  });
  if (records.length > MAX_CSV_ROWS) fileProblems.push(fileError('TOO_MANY_ROWS', { max: MAX_CSV_ROWS }));
  if (unknown.length > 0) {
    fileProblems.push({
      field: null,
      code: 'UNKNOWN_COLUMNS',
      severity: 'warning',
      values: { columns: unknown.join(', ') },
    });
  }
  if (fileProblems.some((problem) => problem.severity === 'error')) {
    return fileReport(encoding, parsed.delimiter, fileProblems);
  }

  const catalogue = new Catalogue(options.catalogue);
  const working = records.map((record) => readRow(record.line, record.cells, columns, catalogue, options.stock));
  checkAcrossRows(working);
  const rows = working.map((row) => finishRow(row, options));
  const counts = fileReport(encoding, parsed.delimiter, []).counts;
  for (const row of rows) {
    counts.rows += 1;
    counts[row.status] += 1;
    if (row.action) counts[row.action] += 1;
    if (row.edit) counts.importable += 1;
  }
  return { encoding, delimiter: parsed.delimiter, fileProblems, rows, counts };
}

/** The catalogue's look-ups: by id, barcode, stock code and name. */
class Catalogue {
  readonly byId = new Map<string, CsvCatalogueProduct>();
  readonly byBarcode = new Map<string, CsvCatalogueProduct>();
  readonly bySku = new Map<string, CsvCatalogueProduct>();
  readonly byName = new Map<string, CsvCatalogueProduct>();
  constructor(products: readonly CsvCatalogueProduct[]) {
    for (const product of products) {
      this.byId.set(product.id, product);
      // Every code that rings the product up: its barcode and its extra ones (CA2).
      for (const code of [product.barcode, ...(product.alternateBarcodes ?? [])]) {
        if (code) this.byBarcode.set(code, product);
      }
      if (product.sku) this.bySku.set(skuKey(product.sku), product);
      this.byName.set(nameKey(product.name), product);
    }
  }
}

const skuKey = (sku: string) => sku.trim().toLowerCase();
const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
/** A row's barcode and extra barcodes, each with its column. */
function codesOf(values: Partial<Record<CsvField, unknown>>): [CsvField, string][] {
  const own = textOf(values.barcode);
  const more = Array.isArray(values.alternateBarcodes) ? (values.alternateBarcodes as string[]) : [];
  return [
    ...(own ? [['barcode', own] as [CsvField, string]] : []),
    ...more.map((code) => ['alternateBarcodes', code] as [CsvField, string]),
  ];
}

const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

function readRow(
  line: number,
  cells: readonly string[],
  columns: readonly (CsvColumn | undefined)[],
  catalogue: Catalogue,
  stock: ReadonlyMap<string, number>,
): WorkingRow {
  const problems: CsvProblem[] = [];
  const values: Partial<Record<CsvField, unknown>> = {};
  columns.forEach((column, index) => {
    if (!column) return;
    const read = column.read(cells[index] ?? '');
    if ('value' in read) values[column.field] = read.value;
    else
      problems.push({
        field: column.field,
        code: read.problem,
        severity: 'error',
        ...(read.values ? { values: read.values } : {}),
      });
  });
  if (cells.slice(columns.length).some((cell) => cell.trim() !== '')) {
    problems.push({ field: null, code: 'EXTRA_CELLS', severity: 'warning' });
  }
  const name = (cells[columns.findIndex((column) => column?.field === 'name')] ?? '').trim();
  const report: CsvRowReport = { line, status: 'ok', problems, name };

  // Which product the row is (CSV8): its id, else its stock code, else its barcode.
  const id = textOf(values.id);
  const barcodeValue = textOf(values.barcode);
  const skuValue = textOf(values.sku);
  let match: CsvCatalogueProduct | undefined;
  if (id) {
    match = catalogue.byId.get(id);
    if (!match) problems.push({ field: 'id', code: 'UNKNOWN_ID', severity: 'error' });
  } else {
    const bySku = skuValue ? catalogue.bySku.get(skuKey(skuValue)) : undefined;
    const byBarcode = barcodeValue ? catalogue.byBarcode.get(barcodeValue) : undefined;
    // A barcode match whose product has another stock code is another product: the row is new.
    const barcodeFits = byBarcode && (!skuValue || !byBarcode.sku || skuKey(byBarcode.sku) === skuKey(skuValue));
    match = bySku ?? (barcodeFits ? byBarcode : undefined);
  }
  // A barcode or stock code another product of the catalogue has (CSV9).
  for (const [field, code] of codesOf(values)) {
    const owner = catalogue.byBarcode.get(code);
    if (owner && owner.id !== match?.id) {
      problems.push({ field, code: 'IN_CATALOGUE', severity: 'error', values: { name: owner.name } });
    }
  }
  const skuOwner = skuValue ? catalogue.bySku.get(skuKey(skuValue)) : undefined;
  if (skuOwner && skuOwner.id !== match?.id) {
    problems.push({ field: 'sku', code: 'IN_CATALOGUE', severity: 'error', values: { name: skuOwner.name } });
  }
  const nameValue = textOf(values.name);
  const sameName = nameValue ? catalogue.byName.get(nameKey(nameValue)) : undefined;
  if (sameName && sameName.id !== match?.id) {
    problems.push({ field: 'name', code: 'DUPLICATE_NAME', severity: 'warning', values: { name: sameName.name } });
  }

  // The stock figure (CSV10): a new product's opening stock; an existing one's is counted, not imported.
  const figure = values.openingStock;
  if (typeof figure === 'number' && match) {
    const current = stock.get(match.id) ?? 0;
    const tracked = values.trackStock ?? match.trackStock;
    if (figure !== current && tracked) {
      problems.push({ field: 'openingStock', code: 'STOCK_NOT_CHANGED', severity: 'warning', values: { current } });
    }
  } else if (typeof figure === 'number' && figure > 0) {
    if (values.trackStock === false)
      problems.push({ field: 'openingStock', code: 'STOCK_NOT_TRACKED', severity: 'error' });
    else if (!('trackStock' in values) || values.trackStock === undefined) values.trackStock = true;
  }
  return { report, values, match };
}

/** Two rows with one barcode, stock code, id or product (both rows say so), or one name (a warning). */
function checkAcrossRows(rows: readonly WorkingRow[]): void {
  const seen = (key: (row: WorkingRow) => string | null, field: CsvField, severity: 'error' | 'warning') => {
    const first = new Map<string, WorkingRow>();
    for (const row of rows) {
      const value = key(row);
      if (value === null) continue;
      const earlier = first.get(value);
      if (!earlier) {
        first.set(value, row);
        continue;
      }
      const code = severity === 'error' ? 'DUPLICATE_IN_FILE' : 'DUPLICATE_NAME';
      row.report.problems.push({ field, code, severity, values: { line: earlier.report.line } });
      if (!earlier.report.problems.some((problem) => problem.code === code && problem.field === field)) {
        earlier.report.problems.push({ field, code, severity, values: { line: row.report.line } });
      }
    }
  };
  // A code (barcode or extra barcode) on two rows, or twice on one row (its barcode among its extra ones).
  const firstWithCode = new Map<string, { row: WorkingRow; field: CsvField }>();
  for (const row of rows) {
    for (const [field, code] of codesOf(row.values)) {
      const earlier = firstWithCode.get(code);
      if (!earlier) firstWithCode.set(code, { row, field });
      else if (earlier.row === row) row.report.problems.push({ field, code: 'REPEATED', severity: 'error' });
      else {
        const line = earlier.row.report.line;
        row.report.problems.push({ field, code: 'DUPLICATE_IN_FILE', severity: 'error', values: { line } });
        const { problems } = earlier.row.report;
        if (!problems.some((problem) => problem.code === 'DUPLICATE_IN_FILE' && problem.field === earlier.field)) {
          const other = row.report.line;
          problems.push({
            field: earlier.field,
            code: 'DUPLICATE_IN_FILE',
            severity: 'error',
            values: { line: other },
          });
        }
      }
    }
  }
  seen(
    (row) => {
      const sku = textOf(row.values.sku);
      return sku === null ? null : skuKey(sku);
    },
    'sku',
    'error',
  );
  seen((row) => textOf(row.values.id), 'id', 'error');
  // Two rows matched to one product (by stock code on one, barcode on the other).
  const byProduct = new Map<string, WorkingRow>();
  const twice = (row: WorkingRow, other: WorkingRow) => {
    if (row.report.problems.some((problem) => problem.code === 'DUPLICATE_IN_FILE')) return;
    row.report.problems.push({
      field: null,
      code: 'DUPLICATE_IN_FILE',
      severity: 'error',
      values: { line: other.report.line },
    });
  };
  for (const row of rows) {
    if (!row.match || textOf(row.values.id)) continue;
    const earlier = byProduct.get(row.match.id);
    if (!earlier) byProduct.set(row.match.id, row);
    else {
      twice(row, earlier);
      twice(earlier, row);
    }
  }
  seen(
    (row) => {
      const name = textOf(row.values.name);
      return name === null ? null : nameKey(name);
    },
    'name',
    'warning',
  );
}

/** The row's product checked by the product schema; its action and status. */
function finishRow(row: WorkingRow, options: ReadProductsCsvOptions): CsvRowReport {
  const { report, values, match } = row;
  const { openingStock, ...fields } = values;
  const base: Partial<ProductCsvEdit> = match ? editOf(match) : {};
  const candidate = { ...base, ...fields, id: match?.id ?? options.newId() };
  const parsed = productInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const known = CSV_COLUMNS.find((column) => column.field === field)?.field ?? null;
      // A cell already reported (a bad price) is not reported twice.
      if (known && report.problems.some((problem) => problem.field === known && problem.severity === 'error')) continue;
      const code: CsvProblemCode =
        issue.code === 'too_big'
          ? 'TOO_LONG'
          : issue.code === 'too_small'
            ? 'REQUIRED'
            : issue.code === 'invalid_format'
              ? 'BAD_FORMAT'
              : 'INVALID';
      const values = issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined;
      report.problems.push({ field: known, code, severity: 'error', ...(values ? { values } : {}) });
    }
  }
  report.problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  report.status = report.problems.some((p) => p.severity === 'error')
    ? 'error'
    : report.problems.length > 0
      ? 'warning'
      : 'ok';
  if (report.status === 'error' || !parsed.success) return report;

  const { baseVersion: _none, ...edit } = parsed.data;
  if (match) {
    const changed = CSV_COLUMNS.some(
      (column) =>
        column.field !== 'openingStock' &&
        column.field in fields &&
        cellOf(column, edit[column.field as EditField]) !== cellOf(column, base[column.field as EditField]),
    );
    report.action = changed ? 'update' : 'unchanged';
    if (changed) {
      report.edit = edit;
      report.seenVersion = match.syncVersion;
    }
  } else {
    report.action = 'create';
    report.edit = edit;
    if (typeof openingStock === 'number' && openingStock > 0) report.openingStock = openingStock;
  }
  return report;
}

/** The editable fields of a catalogue product. */
function editOf(product: CsvCatalogueProduct): Partial<ProductCsvEdit> {
  const { syncVersion: _version, ...edit } = product;
  return edit as Partial<ProductCsvEdit>;
}

// ---------------------------------------------------------------------------------------------
// Export.

/** Export's delimiter: South African Excel's list separator; import reads `,` and tab too (CSV12). */
export const CSV_EXPORT_DELIMITER: CsvDelimiter = ';';

/**
 * The catalogue as CSV (SPEC CSV12): a byte-order mark so Excel reads UTF-8, `;` between cells,
 * prices with a decimal comma ("18,99"), CRLF line ends, the columns import reads, and the stock
 * figure this phone shows for tracked products. Importing it back changes nothing.
 */
export function productsToCsv(products: readonly CsvCatalogueProduct[], stock: ReadonlyMap<string, number>): string {
  const delimiter = CSV_EXPORT_DELIMITER;
  const line = (cells: readonly string[]) => cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
  const rows = products.map((product) =>
    line(
      CSV_COLUMNS.map((column) => {
        if (column.field === 'openingStock') return product.trackStock ? String(stock.get(product.id) ?? 0) : '';
        return cellOf(column, (product as Partial<Record<CsvField, unknown>>)[column.field]);
      }),
    ),
  );
  return `\uFEFF${[line(CSV_COLUMNS.map((column) => column.header)), ...rows].join('\r\n')}\r\n`;
}

/** A value's cell; a field the product leaves out (stored before it existed) as an empty cell reads. */
function cellOf(column: CsvColumn, value: unknown): string {
  if (value !== undefined) return column.write(value);
  const read = column.read('');
  return 'value' in read ? column.write(read.value) : '';
}
