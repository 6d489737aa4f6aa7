import { can, type Action, type Role } from '@opentill/domain';

/** Which parts of the Staff area this person may use: its people, devices, branches, alerts, the audit log, the roles. */
export interface StaffAccess {
  people: boolean;
  /** Also moving this till to another branch (BR2). */
  devices: boolean;
  /** The shop's branches: for whoever adds and renames them or moves a till between them. */
  branches: boolean;
  /** Adding and renaming branches. */
  manageBranches: boolean;
  /** Alerts are read from the audit log: the same people see both. */
  alerts: boolean;
  audit: boolean;
  /** Marking a flagged sale as checked. */
  resolveAlerts: boolean;
  /** The read-only role table: for whoever gives roles or reads what people did with them. */
  roles: boolean;
  /** The shop's settings (cash rounding): the owner's. */
  shop: boolean;
}

export type StaffSection = 'people' | 'devices' | 'branches' | 'alerts' | 'audit' | 'roles' | 'shop';

/**
 * The device's token role must allow the action (the server checks that), and so must the
 * person acting now (null: nobody), so a cashier who switched in on the owner's phone does
 * not inherit the owner's screens.
 */
export function staffAccessOf(tokenRole: Role, actingRole: Role | null): StaffAccess {
  const allows = (action: Action) => can(tokenRole, action) && actingRole !== null && can(actingRole, action);
  const people = allows('user:manage');
  const audit = allows('audit:read');
  const devices = allows('device:manage');
  const manageBranches = allows('branch:manage');
  return {
    people,
    devices,
    branches: devices || manageBranches,
    manageBranches,
    alerts: audit,
    audit,
    resolveAlerts: allows('alerts:resolve'),
    roles: people || audit,
    shop: allows('settings:write'),
  };
}

/** The sections this person sees, in the order the section switch shows them. */
export function staffSections(access: StaffAccess): StaffSection[] {
  const order: StaffSection[] = ['people', 'devices', 'branches', 'alerts', 'audit', 'roles', 'shop'];
  return order.filter((section) => access[section]);
}

/** Whether the Staff tab shows at all. */
export function hasStaffArea(access: StaffAccess): boolean {
  return staffSections(access).length > 0;
}

/** The Staff tab's name: "Staff" for whoever manages people, else what the tab holds for them. */
export function staffAreaLabelKey(access: StaffAccess): 'nav.staff' | 'nav.devices' | 'nav.audit' {
  if (access.people) return 'nav.staff';
  return access.devices ? 'nav.devices' : 'nav.audit';
}
