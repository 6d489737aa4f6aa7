import type { TFunction } from 'i18next';
import type { CsvField, CsvProblem, CsvProblemCode, CsvRowReport } from '@opentill/domain';

/** A column's name in the person's language: a new product column fails the build until it has words. */
export function fieldWords(field: CsvField | null, t: TFunction): string {
  return field === null ? t('products.csv.product') : t(`products.csv.fields.${field}`);
}

/** The key of a problem's words; every code has one in each language (`csvWords.test.ts`). */
export const problemKey = (code: CsvProblemCode) => `products.csv.problems.${code}` as const;

/** A problem of the CSV report in the person's language: the domain gives its code and values. */
export function problemWords(problem: CsvProblem, t: TFunction): string {
  // The values differ by code; i18next's types would ask every code for all of them at once.
  const words = t as unknown as (key: ReturnType<typeof problemKey>, values: Record<string, string | number>) => string;
  return words(problemKey(problem.code), { ...problem.values, field: fieldWords(problem.field, t) });
}

/** The rows the table shows: all of a small file; of a large one, those with problems first (at most `limit`). */
export function rowsToShow(rows: readonly CsvRowReport[], limit: number): CsvRowReport[] {
  if (rows.length <= limit) return [...rows];
  const withProblems = rows.filter((row) => row.problems.length > 0).slice(0, limit);
  const room = limit - withProblems.length;
  const shown = new Set([...withProblems, ...rows.filter((row) => row.problems.length === 0).slice(0, room)]);
  return rows.filter((row) => shown.has(row));
}

/** The file name of an export: `products-YYYY-MM-DD.csv`, by this phone's date. */
export function exportFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `products-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
