/**
 * What the tenant audit log records (SPEC AU): one entry per action below, each
 * with what it means. Later issues add their actions here and record them through
 * the server's one `recordAudit`, so the list is the whole vocabulary of the log.
 */
export const AUDIT_ACTIONS = {
  'shop.registered': 'A shop was registered, with its owner and first branch',
  'shop.settings_changed': 'The shop’s settings were changed (e.g. cash rounding), with before and after',
  'shop.branch_added': 'A branch was added to the shop',
  'shop.branch_renamed': 'A branch was renamed, with its old and new name',
  'auth.sign_in': 'A user signed in on a device',
  'auth.sign_in_failed': 'A sign-in with a known phone number or email gave a wrong PIN or password',
  'auth.locked_out': 'Too many wrong PINs, passwords or codes for an account: its sign-in was locked for a while',
  'auth.pin_failed': 'A wrong PIN was entered on a signed-in device',
  'auth.mfa_enabled': 'Two-factor sign-in was turned on for an account, with new recovery codes',
  'auth.mfa_failed': 'A wrong or replayed two-factor code, or a wrong recovery code, was given',
  'auth.recovery_code_used': 'An account signed in with one of its recovery codes',
  'device.registered': 'A device was registered to the shop',
  'device.revoked': 'A device was revoked and can no longer sync',
  'device.moved': 'A device was moved to another branch: it now sells that branch’s stock',
  'user.created': 'A staff user was created',
  'user.role_changed': 'A user’s role was changed',
  'user.branches_changed': 'The branches a user works at were changed',
  'user.disabled': 'A user was disabled',
  'user.enabled': 'A disabled user was enabled again',
  'user.pin_changed': 'A user’s PIN was changed',
  'user.password_changed': 'A user changed their password',
  'user.renamed': 'A user’s name was changed',
  'token.reuse_detected': 'A refresh token was used twice; its family was revoked',
  'session.revoked': 'A session was ended by its user or by a manager',
  'alert.resolved': 'A flagged sale was checked and its alert closed',
  'shift.opened': 'A cashier opened a shift on a device, with a float',
  'shift.cash_movement': 'Cash was paid into or taken out of a shift’s drawer, with a reason',
  'shift.closed': 'A shift was closed with a blind count of its cash',
  'sale.price_override': 'A line of a sale was sold at another price than the list price, with who approved it',
  'sale.refunded': 'Goods of a sale came back and money was paid back, with where it went and why',
  'sale.voided': 'A sale of the open shift was cancelled in full, every tender paid back',
  'receipt.reprinted': 'A receipt was given again, marked COPY, with its sale, format and language',
  'customer.created': 'A customer was added, with their credit limit if they have a book',
  'customer.updated': 'A customer’s name, phone or credit limit was changed',
  'supplier.added': 'A supplier was added to the shop',
  'supplier.changed': 'A supplier’s details were changed (or it was made inactive), with before and after',
  'supplier.order_created': 'A purchase order was created for a supplier, with its lines',
  'supplier.order_sent': 'A purchase order was marked as sent to its supplier (PDF or WhatsApp)',
  'supplier.order_cancelled': 'A purchase order was cancelled before anything of it arrived',
  'customer.payment': 'A payment on a customer’s book was taken',
  'stock.count_approved':
    'A stock count’s variance for a product was approved and booked, with the count, the units and the approver',
  'product.branch_price_set': 'A branch was given its own price for a product, with the price before and after',
  'product.branch_price_removed': 'A branch’s own price for a product was removed: it sells at the shop’s price again',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
