import { TENDER_METHODS, type TenderMethod } from '../sales/tenders.js';
import { tendersOf, type SaleContent } from '../sales/sale.js';
import { refundTendersOf, type Refund } from '../sales/refund.js';
import type { CashMovement } from './shift.js';
import { ACCOUNT_PAYMENT_METHODS, type AccountPayment } from '../customers/customer.js';

type ByMethod = Record<TenderMethod, number>;

/** An X report (mid-shift) or Z report (at close): the shift's money by kind, to the cent (SPEC SH4). */
export interface ShiftReport {
  float: number;
  sales: { count: number; gross: number; vat: number; rounding: number; byTender: ByMethod };
  refunds: { count: number; amount: number; byMethod: ByMethod };
  voids: { count: number; amount: number };
  overrides: { count: number; given: number };
  /** CU3: money paid against customers' books in the shift; the cash part is in the drawer (SH5). */
  paymentsOnAccount: { count: number; amount: number; byMethod: Record<AccountPayment['method'], number> };
  cashIn: number;
  cashOut: number;
  /** SH5 (SH7): float + cash taken + cash paid on account − cash paid back + cash in − cash out. */
  expectedCash: number;
  /** At close: the blind count, and counted − expected (negative: short). */
  counted: number | null;
  variance: number | null;
}

const byMethod = (): ByMethod => Object.fromEntries(TENDER_METHODS.map((method) => [method, 0])) as ByMethod;

/** What a report reads of a sale and a refund: the device has them whole, the server as stored. */
export type ReportedSale = Pick<SaleContent, 'totalAmount' | 'tendered' | 'tenders' | 'vat' | 'rounding' | 'items'>;
export type ReportedRefund = Pick<Refund, 'amount' | 'method' | 'tenders' | 'kind'>;

export interface ShiftActivity {
  float: number;
  sales: readonly ReportedSale[];
  refunds: readonly ReportedRefund[];
  movements: readonly Pick<CashMovement, 'kind' | 'amount'>[];
  /** Payments on account taken in the shift (CU3); absent: none. */
  payments?: readonly Pick<AccountPayment, 'amount' | 'method'>[];
  /** The blind count at close; absent for an X report. */
  counted?: number;
}

/**
 * SH4: the shift's figures from its records alone, so the device (its own
 * records) and the server (what it stored) compute the same report.
 */
export function shiftReport({ float, sales, refunds, movements, payments = [], counted }: ShiftActivity): ShiftReport {
  const report: ShiftReport = {
    float,
    sales: { count: 0, gross: 0, vat: 0, rounding: 0, byTender: byMethod() },
    refunds: { count: 0, amount: 0, byMethod: byMethod() },
    voids: { count: 0, amount: 0 },
    overrides: { count: 0, given: 0 },
    paymentsOnAccount: {
      count: 0,
      amount: 0,
      byMethod: Object.fromEntries(ACCOUNT_PAYMENT_METHODS.map((method) => [method, 0])) as Record<
        AccountPayment['method'],
        number
      >,
    },
    cashIn: 0,
    cashOut: 0,
    expectedCash: 0,
    counted: counted ?? null,
    variance: null,
  };
  for (const sale of sales) {
    report.sales.count += 1;
    report.sales.gross += sale.totalAmount;
    report.sales.vat += sale.vat ?? 0;
    report.sales.rounding += sale.rounding ?? 0;
    for (const tender of tendersOf(sale)) report.sales.byTender[tender.method] += tender.amount;
    for (const line of sale.items) {
      if (!line.override) continue;
      report.overrides.count += 1;
      report.overrides.given += (line.override.listPrice - line.price) * line.quantity;
    }
  }
  for (const refund of refunds) {
    const bucket = refund.kind === 'void' ? report.voids : report.refunds;
    bucket.count += 1;
    bucket.amount += refund.amount;
    if (refund.kind === 'void') continue;
    for (const tender of refundTendersOf(refund)) report.refunds.byMethod[tender.method] += tender.amount;
  }
  for (const payment of payments) {
    report.paymentsOnAccount.count += 1;
    report.paymentsOnAccount.amount += payment.amount;
    report.paymentsOnAccount.byMethod[payment.method] += payment.amount;
  }
  for (const movement of movements) {
    if (movement.kind === 'in') report.cashIn += movement.amount;
    else report.cashOut += movement.amount;
  }
  const cashBack = refunds
    .flatMap(refundTendersOf)
    .filter((tender) => tender.method === 'cash')
    .reduce((sum, tender) => sum + tender.amount, 0);
  report.expectedCash =
    float +
    report.sales.byTender.cash +
    report.paymentsOnAccount.byMethod.cash -
    cashBack +
    report.cashIn -
    report.cashOut;
  report.variance = counted === undefined ? null : counted - report.expectedCash;
  return report;
}

/** `GET /api/v1/shifts/:deviceId/:localId/report`: a shift's report as the server can compute it (SPEC SH4, SH6). */
export interface ShiftReportAnswer {
  shift: {
    deviceId: string;
    localId: string;
    float: number;
    openedAt: string;
    closedAt: string | null;
    countedTotal: number | null;
  };
  report: ShiftReport;
  /** SH6: what the device said it recorded (at close), and what has reached the server so far. */
  recorded: { sales: number; refunds: number; movements: number; payments?: number } | null;
  received: { sales: number; refunds: number; movements: number; payments: number };
  /** True once the shift is closed and everything it recorded has arrived: the Z report is final. */
  complete: boolean;
}
