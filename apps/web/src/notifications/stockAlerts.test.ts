import { describe, expect, it } from 'vitest';
import { ROLES } from '@opentill/domain';
import { maySeeStockAlerts } from './stockAlerts';

describe('who sees the stock alerts (SPEC AL4)', () => {
  it('people who receive deliveries or edit products; not cashiers, auditors or nobody', () => {
    const seeing = ROLES.filter((role) => maySeeStockAlerts(role));
    expect(seeing).toEqual([
      'OWNER',
      'ADMIN',
      'BRANCH_MANAGER',
      'PHARMACIST',
      'PHARMACIST_ASSISTANT',
      'STOCK_CONTROLLER',
    ]);
    expect(maySeeStockAlerts(null)).toBe(false);
  });
});
