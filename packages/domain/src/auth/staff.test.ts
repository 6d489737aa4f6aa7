import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_ACTIONS, ACTIONS } from './permissions.js';
import { STAFF_ROLES, checkActor, needsBranches, staffInputSchema } from './staff.js';
import { actionOfOperation } from '../sync/operationActions.js';

const BRANCH = '00000000-0000-4000-8000-0000000000b1';

describe('staff (SPEC ID2–ID4)', () => {
  it('ID2: nobody is made an owner here, and branch roles need a branch', () => {
    expect(STAFF_ROLES).not.toContain('OWNER');
    const input = { name: 'Thandi', role: 'CASHIER', branchIds: [BRANCH], pin: '1111' };
    expect(staffInputSchema.safeParse(input).success).toBe(true);
    expect(staffInputSchema.safeParse({ ...input, role: 'OWNER' }).success).toBe(false);
    expect(staffInputSchema.safeParse({ ...input, pin: '12a4' }).success).toBe(false);
    expect(needsBranches('CASHIER')).toBe(true);
    expect(needsBranches('ADMIN')).toBe(false);
  });

  it('ID3: every role × every action: allowed exactly when the role table says so and the branch fits', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const allowed = ROLE_ACTIONS[role].includes(action);
        expect(checkActor({ role, active: true, atBranch: true }, action)).toBe(allowed ? 'allowed' : 'not-permitted');
        const elsewhere = checkActor({ role, active: true, atBranch: false }, action);
        expect(elsewhere).toBe(allowed && !needsBranches(role) ? 'allowed' : 'not-permitted');
      }
    }
  });

  it('ID4: a disabled person or an unknown one may do nothing', () => {
    expect(checkActor({ role: 'OWNER', active: false, atBranch: true }, 'sales:create')).toBe('disabled');
    expect(checkActor(undefined, 'sales:create')).toBe('unknown');
  });

  it('ID3: each operation needs its action; a count is stock:count, other adjustments stock:adjust', () => {
    const productId = '00000000-0000-4000-8000-0000000000a1';
    expect(actionOfOperation({ type: 'RECEIVE_STOCK', data: { productId, quantity: 1 } })).toBe('stock:receive');
    expect(actionOfOperation({ type: 'ADJUST_STOCK', data: { productId, delta: -1, reason: 'count' } })).toBe(
      'stock:count',
    );
    expect(actionOfOperation({ type: 'ADJUST_STOCK', data: { productId, delta: -1, reason: 'theft' } })).toBe(
      'stock:adjust',
    );
    expect(actionOfOperation({ type: 'DELETE_PRODUCT', data: { id: productId } })).toBe('product:write');
  });
});
