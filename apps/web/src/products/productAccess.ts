import { can, type Role } from '@opentill/domain';

/** What the person working on the phone may do on the Products screen (SPEC ID1, ID3). */
export interface ProductAccess {
  write: boolean;
  receive: boolean;
  count: boolean;
  /** Adjust stock with a reason, and write an expired batch off (SPEC BT15). */
  adjust: boolean;
  /** Send and receive transfers between branches (SPEC TR). */
  transfer: boolean;
  /** See the stock of every branch (SPEC BT14). */
  read: boolean;
}

/**
 * By the acting person's role: a cashier switched in on the owner's phone sees the
 * products but cannot change them, since the server would refuse the change anyway.
 * No acting person (before a session): nothing.
 */
export function productAccessOf(actingRole: Role | null): ProductAccess {
  const allows = (action: Parameters<typeof can>[1]) => actingRole !== null && can(actingRole, action);
  return {
    write: allows('product:write'),
    receive: allows('stock:receive'),
    count: allows('stock:count'),
    adjust: allows('stock:adjust'),
    transfer: allows('stock:transfer'),
    read: allows('stock:read'),
  };
}

/** Whether a product opens at all: to edit it, or to work on its stock. */
export function mayOpenProducts(access: ProductAccess): boolean {
  return access.write || access.receive || access.count;
}
