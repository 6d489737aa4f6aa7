import { can, raisesCreditLimit, type Role } from '@opentill/domain';

/** What the person working on the phone may do with customers (SPEC CU4), by their role. */
export interface CustomerAccess {
  /** Add and edit customers (`customer:write`). */
  write: boolean;
  /** Open a book or raise a limit, sell on the book, take payments on account (`customer:credit`). */
  credit: boolean;
}

export function customerAccessOf(actingRole: Role | null): CustomerAccess {
  const allows = (action: Parameters<typeof can>[1]) => actingRole !== null && can(actingRole, action);
  return { write: allows('customer:write'), credit: allows('customer:credit') };
}

/** CU4: whether this limit may be saved by this person (opening or raising a book needs credit). */
export function mayChangeLimit(access: CustomerAccess, previous: number | null | undefined, next: number | null) {
  return access.credit || !raisesCreditLimit(previous, next);
}
