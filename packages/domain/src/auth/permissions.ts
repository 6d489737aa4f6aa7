/**
 * Actions and roles (issue 4; seed 002 "8 roles, 100+ actions"). Every API route
 * declares the action it needs (or that it is public); a role is a fixed set of
 * actions, shown to the owner as a table. Names follow the `area:verb` form.
 *
 * Enforcement today: tokens carry their role's actions and every route checks its
 * own. Per-operation checks inside a sync push, branch scope and the screens come
 * with the rest of issue 4.
 */

/** Every action, with what it allows, by area. */
export const ACTION_CATALOGUE = {
  'sync:push': 'Send this device’s recorded work to the server and receive the shop’s changes',
  'account:self': 'See and end one’s own sessions, change one’s own password and two-factor',
  'sales:create': 'Ring up a sale',
  'sales:refund': 'Refund or return items of a sale',
  'sales:void': 'Void a sale within the shift',
  'sales:read': 'Look up past sales',
  'price:override': 'Change a price on a sale',
  'discount:apply': 'Apply a discount the shop allows',
  'discount:approve': 'Approve a discount above the cashier’s limit',
  'customer:write': 'Create and edit customers',
  'customer:credit': 'Sell on a customer’s book and take payments on account',
  'shift:open': 'Open and close one’s own shift',
  'shift:manage': 'Close or correct another person’s shift',
  'register:read': 'See X and Z reports',
  'product:write': 'Create, edit and delete products and prices',
  'product:read': 'See products, costs and prices',
  'stock:receive': 'Receive deliveries',
  'stock:adjust': 'Adjust stock with a reason',
  'stock:count': 'Count stock',
  'stock:approve': 'Approve a count’s variance',
  'stock:transfer': 'Send and receive transfers between branches',
  'stock:read': 'See stock by branch and batch',
  'supplier:write': 'Manage suppliers and purchase orders',
  'rx:dispense': 'Dispense against a prescription',
  'rx:release': 'Release a scheduled medicine',
  'rx:read': 'See prescriptions and the scheduled-medicine register',
  'report:read': 'See sales and stock reports',
  'audit:read': 'See the audit log',
  'alerts:resolve': 'Mark a flagged sale as checked',
  'user:manage': 'Create, change and disable staff and their roles',
  'device:manage': 'List and revoke devices',
  'branch:manage': 'Create and change branches',
  'settings:write': 'Change the shop’s settings and policies',
} as const;

export type Action = keyof typeof ACTION_CATALOGUE;
export const ACTIONS = Object.keys(ACTION_CATALOGUE) as Action[];

export function isAction(value: string): value is Action {
  return Object.hasOwn(ACTION_CATALOGUE, value);
}

export const ROLES = [
  'OWNER',
  'ADMIN',
  'BRANCH_MANAGER',
  'PHARMACIST',
  'PHARMACIST_ASSISTANT',
  'CASHIER',
  'STOCK_CONTROLLER',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see every branch; the others see only the branches they belong to. */
export const TENANT_WIDE_ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'AUDITOR'];

/** The actions of these groups, each once, in catalogue order. */
function actionsOf(...groups: (readonly Action[])[]): readonly Action[] {
  const wanted = new Set(groups.flat());
  return ACTIONS.filter((action) => wanted.has(action));
}

const READS: readonly Action[] = ['sales:read', 'product:read', 'stock:read', 'register:read', 'report:read'];
/** Everyone looks after their own account. */
const SELF: readonly Action[] = ['sync:push', 'account:self'];
const TILL: readonly Action[] = [
  ...SELF,
  'sales:create',
  'sales:read',
  'discount:apply',
  'customer:write',
  'customer:credit',
  'shift:open',
  'product:read',
  'stock:read',
];
const STOCK: readonly Action[] = ['stock:receive', 'stock:adjust', 'stock:count', 'stock:transfer', 'stock:read'];

/** The role → actions table (SPEC ID1); the owner views it in the app (Staff → Roles). */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  OWNER: ACTIONS,
  ADMIN: ACTIONS.filter((action) => action !== 'settings:write'),
  BRANCH_MANAGER: actionsOf(TILL, STOCK, READS, [
    'sales:refund',
    'sales:void',
    'price:override',
    'discount:approve',
    'shift:manage',
    'stock:approve',
    'product:write',
    'supplier:write',
    'device:manage',
  ]),
  PHARMACIST: actionsOf(TILL, STOCK, ['sales:refund', 'price:override', 'rx:dispense', 'rx:release', 'rx:read']),
  PHARMACIST_ASSISTANT: actionsOf(TILL, ['stock:receive', 'stock:count', 'rx:read']),
  CASHIER: actionsOf(TILL),
  STOCK_CONTROLLER: actionsOf(SELF, ['product:read', 'supplier:write'], STOCK),
  // Reading needs a device that syncs: its pushes will carry no work it may not do (per-operation checks).
  AUDITOR: actionsOf(SELF, ['rx:read', 'audit:read'], READS),
};

export function can(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** What an owner's device may do: everything (the only role until staff users arrive). */
export const OWNER_ACTIONS: readonly Action[] = ROLE_ACTIONS.OWNER;
