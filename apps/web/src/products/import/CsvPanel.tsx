import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { productsToCsv, readProductsCsv, type CsvEncoding, type CsvImportReport } from '@opentill/domain';
import { importProducts, type LocalProduct, type ProductImportResult, type ProductImportRow } from '../../db';
import { downloadBytes } from '../../receipts/download';
import { requestSync } from '../../sync';
import { Button } from '../../ui/Button';
import { productSaveError } from '../saveMessage';
import { exportFileName, problemWords, rowsToShow } from './csvWords';

/** Rows the report's table draws at most: a 20,000-row file shows its problems, not every row. */
const ROWS_SHOWN = 500;

interface CsvPanelProps {
  products: readonly LocalProduct[];
  stock: ReadonlyMap<string, number>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'report'; fileName: string; bytes: Uint8Array; report: CsvImportReport }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; result: ProductImportResult }
  | { kind: 'failed'; message: string };

/**
 * CSV import and export of the catalogue (SPEC CSV1–CSV12), for people who may edit products.
 * A chosen file is only read into a report per row; nothing is written until "Import".
 */
export default function CsvPanel({ products, stock }: CsvPanelProps) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [skipInvalid, setSkipInvalid] = useState(false);

  const makeReport = (bytes: Uint8Array, encoding: CsvEncoding) =>
    readProductsCsv(bytes, { encoding, catalogue: products, stock, newId: () => crypto.randomUUID() });

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file may be chosen again after a fix
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    setSkipInvalid(false);
    setPhase({ kind: 'report', fileName: file.name, bytes, report: makeReport(bytes, 'utf-8') });
  }

  async function onImport(report: CsvImportReport) {
    const rows: ProductImportRow[] = report.rows.flatMap((row) =>
      row.edit && row.status !== 'error'
        ? [
            {
              line: row.line,
              edit: row.edit,
              ...(row.seenVersion === undefined ? {} : { seenVersion: row.seenVersion }),
              ...(row.openingStock === undefined ? {} : { openingStock: row.openingStock }),
            },
          ]
        : [],
    );
    setPhase({ kind: 'importing', done: 0, total: rows.length });
    try {
      const result = await importProducts(rows, {
        onProgress: (done, total) => setPhase({ kind: 'importing', done, total }),
      });
      setPhase({ kind: 'done', result });
    } catch (error) {
      setPhase({ kind: 'failed', message: productSaveError(error, t) });
    } finally {
      requestSync();
    }
  }

  function exportCsv() {
    const csv = productsToCsv(products, stock);
    downloadBytes(new TextEncoder().encode(csv), exportFileName(new Date()), 'text/csv;charset=utf-8');
  }

  return (
    <section
      data-testid="csv-panel"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="text-lg font-bold text-slate-900">{t('products.csv.title')}</h2>
      <p className="text-sm text-slate-600">{t('products.csv.intro')}</p>
      <div className="flex flex-wrap gap-2">
        <label className="inline-flex min-h-12 cursor-pointer items-center rounded-xl bg-brand-700 px-4 font-semibold text-white focus-within:ring-2 focus-within:ring-brand-300 active:bg-brand-800">
          {t('products.csv.choose')}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            className="sr-only"
            data-testid="csv-import-file"
            disabled={phase.kind === 'importing'}
            onChange={(event) => void onFile(event)}
          />
        </label>
        <Button variant="secondary" data-testid="csv-export" onClick={exportCsv}>
          {t('products.csv.export')}
        </Button>
      </div>

      {phase.kind === 'report' ? (
        <ImportReport
          fileName={phase.fileName}
          report={phase.report}
          skipInvalid={skipInvalid}
          onSkipInvalid={setSkipInvalid}
          onWindows1252={() => setPhase({ ...phase, report: makeReport(phase.bytes, 'windows-1252') })}
          onImport={() => void onImport(phase.report)}
          onClose={() => setPhase({ kind: 'idle' })}
        />
      ) : null}
      {phase.kind === 'importing' ? (
        <div role="status" data-testid="csv-import-progress" className="flex flex-col gap-1 text-sm text-slate-700">
          {t('products.csv.importing', { done: phase.done, total: phase.total })}
          <progress max={phase.total} value={phase.done} className="w-full" />
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <div role="status" data-testid="csv-import-done" className="flex flex-col gap-1 text-sm text-brand-800">
          <p>{t('products.csv.imported', { count: phase.result.saved })}</p>
          {phase.result.changedMeanwhile.length > 0 ? (
            <p className="text-amber-800">
              {t('products.csv.changedMeanwhile', { lines: phase.result.changedMeanwhile.join(', ') })}
            </p>
          ) : null}
        </div>
      ) : null}
      {phase.kind === 'failed' ? (
        <p role="alert" className="text-sm text-red-700">
          {t('products.csv.failed', { message: phase.message })}
        </p>
      ) : null}
    </section>
  );
}

interface ImportReportProps {
  fileName: string;
  report: CsvImportReport;
  skipInvalid: boolean;
  onSkipInvalid: (skip: boolean) => void;
  onWindows1252: () => void;
  onImport: () => void;
  onClose: () => void;
}

const STATUS_STYLE = {
  ok: 'bg-brand-50 text-brand-800',
  warning: 'bg-amber-50 text-amber-800',
  error: 'bg-red-50 text-red-800',
} as const;

/** The report per row, and the one way to write it: "Import N valid products". */
function ImportReport({
  fileName,
  report,
  skipInvalid,
  onSkipInvalid,
  onWindows1252,
  onImport,
  onClose,
}: ImportReportProps) {
  const { t } = useTranslation();
  const notUtf8 = report.fileProblems.find((problem) => problem.code === 'NOT_UTF8');
  const fileBlocked = report.fileProblems.some((problem) => problem.severity === 'error');
  const hasErrors = report.counts.error > 0;
  const shown = rowsToShow(report.rows, ROWS_SHOWN);
  const canImport = !fileBlocked && report.counts.importable > 0 && (!hasErrors || skipInvalid);

  return (
    <div data-testid="csv-import-report" className="flex flex-col gap-3">
      <p className="text-sm font-medium text-slate-800">{t('products.csv.file', { name: fileName })}</p>
      {notUtf8 ? (
        <div role="alert" className="flex flex-col gap-2 rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t('products.csv.notUtf8', { line: notUtf8.values?.line ?? 1 })}</p>
          <Button variant="secondary" data-testid="csv-import-as-windows-1252" onClick={onWindows1252}>
            {t('products.csv.readAsWindows1252')}
          </Button>
        </div>
      ) : null}
      {report.encoding === 'windows-1252' ? (
        <p className="text-sm text-slate-600">{t('products.csv.readAsWindows1252Done')}</p>
      ) : null}
      {report.fileProblems
        .filter((problem) => problem.code !== 'NOT_UTF8')
        .map((problem) => (
          <p
            key={problem.code + JSON.stringify(problem.values)}
            data-testid="csv-import-file-problem"
            data-code={problem.code}
            className={`text-sm ${problem.severity === 'error' ? 'text-red-700' : 'text-amber-800'}`}
          >
            {problemWords(problem, t)}
          </p>
        ))}
      {report.rows.length > 0 ? (
        <>
          <p data-testid="csv-import-counts" className="text-sm text-slate-700">
            {t('products.csv.counts', {
              rows: report.counts.rows,
              ready: report.counts.importable,
              errors: report.counts.error,
              unchanged: report.counts.unchanged,
            })}
          </p>
          <div className="max-h-96 overflow-auto rounded-xl ring-1 ring-slate-200">
            <table className="w-full text-left text-sm">
              <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500 uppercase">
                <tr>
                  <th className="px-2 py-1">{t('products.csv.line')}</th>
                  <th className="px-2 py-1">{t('products.csv.product')}</th>
                  <th className="px-2 py-1">{t('products.csv.result')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.map((row) => (
                  <tr key={row.line} data-testid="csv-import-row" data-status={row.status} data-line={row.line}>
                    <td className="px-2 py-1 align-top tabular-nums">{row.line}</td>
                    <td className="px-2 py-1 align-top break-words">{row.name}</td>
                    <td className="px-2 py-1 align-top">
                      <span className={`rounded-md px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[row.status]}`}>
                        {t(`products.csv.status.${row.status}`)}
                        {row.action ? ` · ${t(`products.csv.actions.${row.action}`)}` : ''}
                      </span>
                      {row.problems.length > 0 ? (
                        <ul className="mt-1 flex flex-col gap-0.5">
                          {row.problems.map((problem, index) => (
                            <li key={index} data-code={problem.code}>
                              {problemWords(problem, t)}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.length < report.rows.length ? (
            <p className="text-sm text-slate-500">
              {t('products.csv.moreRows', { count: report.rows.length - shown.length })}
            </p>
          ) : null}
        </>
      ) : null}
      {hasErrors && !fileBlocked ? (
        <label className="flex min-h-12 items-center gap-3 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-5"
            checked={skipInvalid}
            data-testid="csv-import-skip-invalid"
            onChange={(event) => onSkipInvalid(event.target.checked)}
          />
          {t('products.csv.skipInvalid')}
        </label>
      ) : null}
      <p className="text-sm text-slate-500">{t('products.csv.nothingYet')}</p>
      <div className="flex flex-wrap gap-2">
        <Button data-testid="csv-import-confirm" disabled={!canImport} onClick={onImport}>
          {t('products.csv.confirm', { count: report.counts.importable })}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('products.csv.close')}
        </Button>
      </div>
    </div>
  );
}
