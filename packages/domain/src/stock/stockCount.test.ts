import { describe, expect, it } from 'vitest';
import { ROLES, can } from '../auth/permissions.js';
import { countAdjustments, countNeedsApproval, countVariances, uncountedLines, type StockCount } from './stockCount.js';
import { adjustStockSchema } from './stock.js';

const APPROVER = '00000000-0000-4000-8000-0000000000aa';
const COUNT_ID = '00000000-0000-4000-8000-0000000000c1';
const [BREAD, MILK, SOAP] = ['b', 'c', 'd'].map((digit) => `00000000-0000-4000-8000-00000000000${digit}`) as [
  string,
  string,
  string,
];

const count: StockCount = {
  id: COUNT_ID,
  kind: 'cycle',
  startedAt: '2026-11-30T08:00:00.000Z',
  startedBy: APPROVER,
  status: 'counting',
  lines: [
    { productId: BREAD, name: 'Bread', counted: 7, expected: 10 },
    { productId: MILK, name: 'Milk', counted: 4, expected: 4 },
    { productId: SOAP, name: 'Soap', counted: null, expected: null },
  ],
};

describe('stock counts (SPEC SC)', () => {
  it('SC2: the variance of each counted line is counted − expected; uncounted lines are listed', () => {
    expect(countVariances(count)).toEqual([
      { productId: BREAD, name: 'Bread', expected: 10, counted: 7, variance: -3 },
      { productId: MILK, name: 'Milk', expected: 4, counted: 4, variance: 0 },
    ]);
    expect(uncountedLines(count).map((line) => line.name)).toEqual(['Soap']);
  });

  it('SC3: approval makes one valid adjustment per line that differs, naming the count and its approver', () => {
    const adjustments = countAdjustments(count, APPROVER);
    expect(adjustments).toEqual([
      { productId: BREAD, delta: -3, reason: 'count', countId: COUNT_ID, approvedBy: APPROVER },
    ]);
    for (const adjustment of adjustments) expect(adjustStockSchema.safeParse(adjustment).success).toBe(true);
    expect(countAdjustments({ ...count, lines: [count.lines[1] as StockCount['lines'][number]] }, APPROVER)).toEqual(
      [],
    );
  });
});

describe('countNeedsApproval (SPEC SC4)', () => {
  it('asks approval only of whoever may count but neither adjust stock nor approve counts', () => {
    const counters = ROLES.filter((role) => can(role, 'stock:count'));
    expect(counters.filter(countNeedsApproval)).toEqual(['PHARMACIST_ASSISTANT']);
  });
});
