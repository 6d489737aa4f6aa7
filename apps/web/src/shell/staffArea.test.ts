import { describe, expect, it } from 'vitest';
import { hasStaffArea, staffAccessOf, staffAreaLabelKey, staffSections } from './staffArea';

describe('the Staff area', () => {
  it('shows the owner every section, under "Staff"', () => {
    const owner = staffAccessOf('OWNER', 'OWNER');
    expect(staffSections(owner)).toEqual(['people', 'devices', 'alerts', 'audit', 'roles', 'shop']);
    // Only the owner changes the shop's settings (an admin has everything else).
    expect(staffSections(staffAccessOf('OWNER', 'ADMIN'))).not.toContain('shop');
    expect(owner.resolveAlerts).toBe(true);
    expect(staffAreaLabelKey(owner)).toBe('nav.staff');
  });

  it('shows a branch manager only Devices, and a cashier nothing', () => {
    const manager = staffAccessOf('OWNER', 'BRANCH_MANAGER');
    expect(staffSections(manager)).toEqual(['devices']);
    expect(staffAreaLabelKey(manager)).toBe('nav.devices');
    expect(hasStaffArea(staffAccessOf('OWNER', 'CASHIER'))).toBe(false);
  });

  it('shows an auditor the audit log and the roles, under "Audit log"', () => {
    const auditor = staffAccessOf('OWNER', 'AUDITOR');
    expect(staffSections(auditor)).toEqual(['alerts', 'audit', 'roles']);
    // Reads alerts, but checking a flagged sale is not an auditor's to do.
    expect(auditor.resolveAlerts).toBe(false);
    expect(staffAreaLabelKey(auditor)).toBe('nav.audit');
  });

  it('needs both the token’s role and the acting person’s', () => {
    expect(hasStaffArea(staffAccessOf('CASHIER', 'OWNER'))).toBe(false);
    expect(hasStaffArea(staffAccessOf('OWNER', null))).toBe(false);
  });
});
