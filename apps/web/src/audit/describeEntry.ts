import type { TFunction } from 'i18next';
import { ROLES, formatRands, isAuditAction, isCents, type AuditAction, type AuditLogEntry } from '@opentill/domain';

/** Names of the shop's people by id, to name whom an entry is about. */
export type PeopleNames = ReadonlyMap<string, string>;

type Details = AuditLogEntry['details'];
type Describe = (details: Details, person: string, t: TFunction) => string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const rands = (value: unknown): string => (isCents(value) ? formatRands(value) : '');

/** What every branch price entry names: the product, the branch and the price before. */
const branchPriceWords = (details: Record<string, unknown>) => ({
  name: text(details.name),
  branch: text(details.branchName),
  from: rands(details.from),
});
/** A purchase order's number and supplier, as its entries name them. */
const order = (details: Details) => ({ number: text(details.number), supplier: text(details.supplier) });

/** A role in the reader's words; a role this app does not know is shown as stored. */
function roleName(value: unknown, t: TFunction): string {
  const role = ROLES.find((known) => known === value);
  return role ? t(`roles.${role}`) : text(value);
}

/**
 * Every action in plain words. A Record over the catalogue, so an action added to
 * AUDIT_ACTIONS does not compile here until it is worded.
 */
const DESCRIBE: Record<AuditAction, Describe> = {
  'shop.registered': (details, _person, t) =>
    t('audit.entry.shop.registered', { businessName: text(details.businessName) }),
  'shop.settings_changed': (details, _person, t) => {
    const after = (details.after ?? {}) as { cashRounding?: unknown };
    const before = (details.before ?? {}) as { cashRounding?: unknown };
    if (after.cashRounding === before.cashRounding) return t('audit.entry.shop.settings_changed');
    return t(after.cashRounding === true ? 'audit.entry.shop.cashRoundingOn' : 'audit.entry.shop.cashRoundingOff');
  },
  'shop.branch_added': (details, _person, t) => t('audit.entry.shop.branch_added', { name: text(details.name) }),
  'shop.branch_renamed': (details, _person, t) =>
    t('audit.entry.shop.branch_renamed', { from: text(details.from), to: text(details.to) }),
  'auth.sign_in': (details, _person, t) =>
    details.resumed === true
      ? t('audit.entry.auth.sign_in_resumed')
      : details.newAddress === true
        ? t('audit.entry.auth.sign_in_new_address')
        : t('audit.entry.auth.sign_in'),
  'auth.sign_in_failed': (_details, _person, t) => t('audit.entry.auth.sign_in_failed'),
  'auth.locked_out': (_details, _person, t) => t('audit.entry.auth.locked_out'),
  'auth.pin_failed': (details, person, t) =>
    details.lockedOut === true
      ? t('audit.entry.auth.pin_locked', { person })
      : t('audit.entry.auth.pin_failed', { person }),
  'auth.mfa_enabled': (_details, _person, t) => t('audit.entry.auth.mfa_enabled'),
  'auth.mfa_failed': (_details, _person, t) => t('audit.entry.auth.mfa_failed'),
  'auth.recovery_code_used': (_details, _person, t) => t('audit.entry.auth.recovery_code_used'),
  'device.registered': (details, _person, t) =>
    text(details.deviceName)
      ? t('audit.entry.device.registeredNamed', { name: text(details.deviceName) })
      : t('audit.entry.device.registered'),
  'device.revoked': (_details, _person, t) => t('audit.entry.device.revoked'),
  'device.moved': (details, _person, t) => t('audit.entry.device.moved', { name: text(details.name) }),
  'user.created': (details, person, t) =>
    t('audit.entry.user.created', { name: text(details.name) || person, role: roleName(details.role, t) }),
  'user.role_changed': (details, person, t) =>
    t('audit.entry.user.role_changed', { person, from: roleName(details.from, t), to: roleName(details.to, t) }),
  'user.branches_changed': (_details, person, t) => t('audit.entry.user.branches_changed', { person }),
  'user.disabled': (_details, person, t) => t('audit.entry.user.disabled', { person }),
  'user.enabled': (_details, person, t) => t('audit.entry.user.enabled', { person }),
  'user.pin_changed': (_details, person, t) => t('audit.entry.user.pin_changed', { person }),
  'user.password_changed': (_details, _person, t) => t('audit.entry.user.password_changed'),
  'user.renamed': (details, _person, t) =>
    t('audit.entry.user.renamed', { from: text(details.from), to: text(details.to) }),
  'token.reuse_detected': (_details, _person, t) => t('audit.entry.token.reuse_detected'),
  'session.revoked': (_details, _person, t) => t('audit.entry.session.revoked'),
  'alert.resolved': (_details, _person, t) => t('audit.entry.alert.resolved'),
  'shift.opened': (details, _person, t) => t('audit.entry.shift.opened', { float: rands(details.float) }),
  'shift.cash_movement': (details, _person, t) =>
    t(details.kind === 'in' ? 'audit.entry.shift.cash_in' : 'audit.entry.shift.cash_out', {
      amount: rands(details.amount),
      reason: text(details.reason),
    }),
  'shift.closed': (details, _person, t) => t('audit.entry.shift.closed', { counted: rands(details.counted) }),
  'sale.refunded': (details, _person, t) =>
    t('audit.entry.sale.refunded', { amount: rands(details.amount), reason: text(details.reason) }),
  'receipt.reprinted': (details, _person, t) => t('audit.entry.receipt.reprinted', { format: text(details.format) }),
  'sale.voided': (details, _person, t) =>
    t('audit.entry.sale.voided', { amount: rands(details.amount), reason: text(details.reason) }),
  'sale.price_override': (details, person, t) =>
    t('audit.entry.sale.price_override', {
      name: text(details.name),
      price: rands(details.price),
      list: rands(details.listPrice),
      person,
    }),
  'customer.created': (details, _person, t) =>
    typeof details.creditLimit === 'number'
      ? t('audit.entry.customer.createdWithLimit', { name: text(details.name), limit: rands(details.creditLimit) })
      : t('audit.entry.customer.created', { name: text(details.name) }),
  'customer.updated': (details, _person, t) => {
    const before = (details.before ?? {}) as Record<string, unknown>;
    const limit = (value: unknown) => (typeof value === 'number' ? rands(value) : t('audit.entry.customer.noLimit'));
    return before.creditLimit === details.creditLimit
      ? t('audit.entry.customer.updated', { name: text(details.name) })
      : t('audit.entry.customer.limitChanged', {
          name: text(details.name),
          from: limit(before.creditLimit),
          to: limit(details.creditLimit),
        });
  },
  'customer.payment': (details, _person, t) => t('audit.entry.customer.payment', { amount: rands(details.amount) }),
  'stock.count_approved': (details, person, t) =>
    t('audit.entry.stock.count_approved', {
      delta: typeof details.delta === 'number' && details.delta > 0 ? `+${details.delta}` : String(details.delta),
      person,
    }),
  'product.branch_price_set': (details, _person, t) =>
    t(details.from === null ? 'audit.entry.product.branch_price_set' : 'audit.entry.product.branch_price_changed', {
      ...branchPriceWords(details),
      to: rands(details.to),
      shop: rands(details.shopPrice),
    }),
  'product.branch_price_removed': (details, _person, t) =>
    t('audit.entry.product.branch_price_removed', branchPriceWords(details)),
  'supplier.added': (details, _person, t) => t('audit.entry.supplier.added', { name: text(details.name) }),
  'supplier.changed': (details, _person, t) => t('audit.entry.supplier.changed', { name: text(details.name) }),
  'supplier.order_created': (details, _person, t) => t('audit.entry.supplier.order_created', order(details)),
  'supplier.order_sent': (details, _person, t) => t('audit.entry.supplier.order_sent', order(details)),
  'supplier.order_cancelled': (details, _person, t) => t('audit.entry.supplier.order_cancelled', order(details)),
};

/**
 * What an entry records, in the reader's words. The person an entry is about (its
 * `details.userId`) is named from `people`; an action this app does not know yet
 * (a newer server) is shown by its name.
 */
export function describeEntry(entry: AuditLogEntry, people: PeopleNames, t: TFunction): string {
  if (!isAuditAction(entry.action)) return t('audit.entry.unknown', { action: entry.action });
  const subject = text(entry.details.userId);
  const person = people.get(subject) ?? t('audit.aPerson');
  return DESCRIBE[entry.action](entry.details, person, t);
}
