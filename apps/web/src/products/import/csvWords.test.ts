import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_PROBLEM_CODES, type CsvRowReport } from '@opentill/domain';
import { enProducts } from '../../i18n/enProducts';
import { afProducts } from '../../i18n/afProducts';
import { zuProducts } from '../../i18n/zuProducts';
import { exportFileName, problemWords, rowsToShow } from './csvWords';

describe('the CSV report in words', () => {
  it('has words for every problem code and every column in English, Afrikaans and isiZulu', () => {
    for (const bundle of [enProducts, afProducts, zuProducts]) {
      expect(Object.keys(bundle.products.csv.problems).sort()).toEqual([...CSV_PROBLEM_CODES].sort());
      expect(Object.keys(bundle.products.csv.fields).sort()).toEqual(CSV_COLUMNS.map((column) => column.field).sort());
    }
  });

  it('fills in the column and the values the domain gives', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: enProducts } },
      interpolation: { escapeValue: false },
    });
    const t = i18n.t.bind(i18n);
    expect(
      problemWords({ field: 'barcode', code: 'DUPLICATE_IN_FILE', severity: 'error', values: { line: 7 } }, t),
    ).toBe('Barcode: also on line 7.');
    expect(
      problemWords({ field: 'barcode', code: 'IN_CATALOGUE', severity: 'error', values: { name: 'Bread' } }, t),
    ).toBe('Barcode: already used by “Bread”.');
    expect(problemWords({ field: null, code: 'DUPLICATE_IN_FILE', severity: 'error', values: { line: 3 } }, t)).toBe(
      'Product: also on line 3.',
    );
  });
});

describe('rowsToShow', () => {
  const row = (line: number, problems = 0): CsvRowReport => ({
    line,
    name: `Row ${line}`,
    status: problems > 0 ? 'error' : 'ok',
    problems: Array.from(
      { length: problems },
      () => ({ field: 'price', code: 'BAD_PRICE', severity: 'error' }) as const,
    ),
  });

  it('shows a small file whole, and a large one’s problems first, in file order', () => {
    const small = [row(2), row(3, 1)];
    expect(rowsToShow(small, 5)).toEqual(small);
    const large = [row(2), row(3), row(4, 1), row(5), row(6, 1)];
    expect(rowsToShow(large, 3).map((shown) => shown.line)).toEqual([2, 4, 6]);
    expect(rowsToShow(large, 1).map((shown) => shown.line)).toEqual([4]);
  });
});

describe('exportFileName', () => {
  it('is products-YYYY-MM-DD.csv by the phone’s date', () => {
    expect(exportFileName(new Date(2025, 0, 9, 23, 30))).toBe('products-2025-01-09.csv');
  });
});
