import { useTranslation } from 'react-i18next';
import { ACCOUNT_PAYMENT_METHODS, TENDER_METHODS, cents, formatRands, type ShiftReport } from '@opentill/domain';

/** An X or Z report (SPEC SH4): takings by tender, refunds, voids, overrides, VAT and the drawer's cash. */
export function ShiftReportView({ report, testId }: { report: ShiftReport; testId: string }) {
  const { t } = useTranslation();
  const rows: [string, number, string?][] = [
    [t('shift.report.sales', { count: report.sales.count }), report.sales.gross],
    ...TENDER_METHODS.filter((method) => report.sales.byTender[method] > 0).map((method): [string, number] => [
      `  ${t(`sales.methods.${method}`)}`,
      report.sales.byTender[method],
    ]),
    [t('shift.report.vat'), report.sales.vat],
    [t('shift.report.refunds', { count: report.refunds.count }), report.refunds.amount],
    [t('shift.report.voids', { count: report.voids.count }), report.voids.amount],
    [t('shift.report.overrides', { count: report.overrides.count }), report.overrides.given],
    // SH7: shown once a shift has taken any (older reports, and shifts without, look as before).
    ...((report.paymentsOnAccount.count > 0
      ? [
          [
            t('shift.report.paymentsOnAccount', { count: report.paymentsOnAccount.count }),
            report.paymentsOnAccount.amount,
          ],
          ...ACCOUNT_PAYMENT_METHODS.filter((method) => report.paymentsOnAccount.byMethod[method] > 0).map(
            (method): [string, number] => [
              `  ${t(`sales.methods.${method}`)}`,
              report.paymentsOnAccount.byMethod[method],
            ],
          ),
        ]
      : []) as [string, number][]),
    [t('shift.report.float'), report.float],
    [t('shift.report.cashIn'), report.cashIn],
    [t('shift.report.cashOut'), report.cashOut],
    [t('shift.report.expected'), report.expectedCash, 'expected'],
  ];
  if (report.counted !== null) rows.push([t('shift.report.counted'), report.counted, 'counted']);
  return (
    <section data-testid={testId} className="rounded-xl bg-white p-3 font-mono text-sm ring-1 ring-slate-200">
      {rows.map(([label, amount, id], index) => (
        // By place: a method's name can head a row of takings and one of payments on account.
        <p key={`${index}:${label}`} className="flex justify-between" data-testid={id ? `report-${id}` : undefined}>
          <span className="whitespace-pre">{label}</span>
          <span>{formatRands(cents(amount))}</span>
        </p>
      ))}
      {report.variance !== null ? (
        <p
          data-testid="report-variance"
          className={`mt-1 flex justify-between font-bold ${report.variance < 0 ? 'text-red-700' : 'text-brand-800'}`}
        >
          <span>{report.variance < 0 ? t('shift.report.short') : t('shift.report.over')}</span>
          <span>{formatRands(cents(Math.abs(report.variance)))}</span>
        </p>
      ) : null}
    </section>
  );
}
