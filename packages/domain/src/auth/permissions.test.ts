import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, ROLE_ACTIONS, TENANT_WIDE_ROLES, can, isAction, type Action } from './permissions.js';

describe('the role → actions table (SPEC ID1)', () => {
  it('names only catalogued actions, each once, for every role', () => {
    for (const role of ROLES) {
      const actions = ROLE_ACTIONS[role];
      expect(actions.every(isAction), role).toBe(true);
      expect(new Set(actions).size, role).toBe(actions.length);
    }
  });

  it('lets every role sync, so any signed-in device keeps its work flowing', () => {
    for (const role of ROLES) expect(can(role, 'sync:push'), role).toBe(true);
  });

  it('gives the owner everything and the admin everything but the shop’s settings', () => {
    for (const action of ACTIONS) {
      expect(can('OWNER', action)).toBe(true);
      expect(can('ADMIN', action)).toBe(action !== 'settings:write');
    }
  });

  it('keeps the auditor read-only, but for syncing and looking after their own account', () => {
    const writes = ROLE_ACTIONS.AUDITOR.filter((action) => !action.endsWith(':read'));
    expect(writes).toEqual(['sync:push', 'account:self']);
  });

  it('lets every role look after their own account, and only owners and admins close alerts', () => {
    for (const role of ROLES) expect(ROLE_ACTIONS[role]).toContain('account:self');
    expect(ROLES.filter((role) => ROLE_ACTIONS[role].includes('alerts:resolve'))).toEqual(['OWNER', 'ADMIN']);
  });

  it.each<[Action, string[]]>([
    ['rx:release', ['OWNER', 'ADMIN', 'PHARMACIST']],
    ['sales:void', ['OWNER', 'ADMIN', 'BRANCH_MANAGER']],
    ['price:override', ['OWNER', 'ADMIN', 'BRANCH_MANAGER', 'PHARMACIST']],
    ['user:manage', ['OWNER', 'ADMIN']],
    ['stock:approve', ['OWNER', 'ADMIN', 'BRANCH_MANAGER']],
  ])('allows %s to exactly %j', (action, roles) => {
    expect(ROLES.filter((role) => can(role, action))).toEqual(roles);
  });

  it('keeps a cashier to the till', () => {
    for (const action of ['sales:refund', 'sales:void', 'price:override', 'stock:adjust', 'product:write'] as const) {
      expect(can('CASHIER', action), action).toBe(false);
    }
  });

  it('scopes every role but owner, admin and auditor to their branches', () => {
    expect(ROLES.filter((role) => !TENANT_WIDE_ROLES.includes(role))).toEqual([
      'BRANCH_MANAGER',
      'PHARMACIST',
      'PHARMACIST_ASSISTANT',
      'CASHIER',
      'STOCK_CONTROLLER',
    ]);
  });
});
