import { can, type Role } from '@opentill/domain';

/**
 * Who sees "Suppliers & orders" on the Products screen (SPEC PO1): who manages
 * suppliers (`supplier:write`) and who receives their deliveries (`stock:receive`,
 * to receive against an order). Only the first adds, orders, sends and cancels.
 */
export interface SupplierAccess {
  see: boolean;
  manage: boolean;
}

export function supplierAccessOf(actingRole: Role | null): SupplierAccess {
  const manage = actingRole !== null && can(actingRole, 'supplier:write');
  return { see: manage || (actingRole !== null && can(actingRole, 'stock:receive')), manage };
}
