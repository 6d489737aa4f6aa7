import { describe, expect, it } from 'vitest';
import { hasStaffArea, staffAccessOf, staffAreaLabelKey, staffSections } from './staffArea';

describe('the Staff area', () => {
  it('shows the owner every section, under "Staff"', () => {
    const owner = staffAccessOf('OWNER', 'OWNER');
    expect(staffSections(owner)).toEqual(['people', 'devices', 'branches', 'alerts', 'audit', 'roles', 'shop']);
    // The owner adds, renames and moves tills between branches (BR2), and so does an admin.
    expect([owner.manageBranches, staffAccessOf('OWNER', 'ADMIN').manageBranches]).toEqual([true, true]);
    // Only the owner changes the shop's settings (an admin has everything else).
    expect(staffSections(staffAccessOf('OWNER', 'ADMIN'))).not.toContain('shop');
    expect(owner.resolveAlerts).toBe(true);
    expect(staffAreaLabelKey(owner)).toBe('nav.staff');
  });

  it('shows a branch manager Devices and Branches (to move a till, not to add one), and a cashier nothing', () => {
    const manager = staffAccessOf('OWNER', 'BRANCH_MANAGER');
    expect(staffSections(manager)).toEqual(['devices', 'branches']);
    expect(manager.manageBranches).toBe(false);
    expect(staffAreaLabelKey(manager)).toBe('nav.devices');
    expect(hasStaffArea(staffAccessOf('OWNER', 'CASHIER'))).toBe(false);
  });

  it('shows an auditor the audit log and the roles, under "Audit log"', () => {
    const auditor = staffAccessOf('OWNER', 'AUDITOR');
    expect(staffSections(auditor)).toEqual(['alerts', 'audit', 'roles']);
    expect(auditor.branches).toBe(false);
    // Reads alerts, but checking a flagged sale is not an auditor's to do.
    expect(auditor.resolveAlerts).toBe(false);
    expect(staffAreaLabelKey(auditor)).toBe('nav.audit');
  });

  it('needs both the token’s role and the acting person’s', () => {
    expect(hasStaffArea(staffAccessOf('CASHIER', 'OWNER'))).toBe(false);
    expect(hasStaffArea(staffAccessOf('OWNER', null))).toBe(false);
  });
});
