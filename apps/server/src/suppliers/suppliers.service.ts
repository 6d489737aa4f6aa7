import { sameSupplierName, type Supplier, type SupplierInput, type SupplierPatch } from '@opentill/domain';
import type { DeviceClaims } from '../auth/tokens.js';
import type { Db, Transaction } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { recordAuditBy, type RequestContext } from '../audit/audit-log.service.js';
import { lockTenant } from '../shop/branches.repository.js';
import { insertSupplier, listSuppliers, updateSupplier } from './suppliers.repository.js';

export interface SupplierService {
  list(claims: DeviceClaims): Promise<Supplier[]>;
  /** PO1: a new supplier, its name unique in the shop; audited. */
  add(claims: DeviceClaims, input: SupplierInput, context: RequestContext): Promise<Supplier>;
  /** PO1: changes the fields given (a name still unique); audited with before and after. */
  change(claims: DeviceClaims, id: string, patch: SupplierPatch, context: RequestContext): Promise<Supplier>;
}

export function createSupplierService(db: Db): SupplierService {
  /**
   * The shop's suppliers under its lock (two owners adding "Clover" at once must not both succeed),
   * after checking that `changing`, when given, is one of them: an unknown supplier is 404 before its name is judged.
   */
  async function nameFree(tx: Transaction, tenantId: string, name: string | undefined, changing?: string) {
    await lockTenant(tx, tenantId);
    const all = await listSuppliers(tx, tenantId);
    const current = all.find((supplier) => supplier.id === changing);
    if (changing !== undefined && !current) throw new AppError('OT_ERR_SUPPLIER_NOT_FOUND');
    if (
      name !== undefined &&
      all.some((supplier) => supplier.id !== changing && sameSupplierName(supplier.name, name))
    ) {
      throw new AppError('OT_ERR_SUPPLIER_NAME_TAKEN');
    }
    return current;
  }

  return {
    list: (claims) => db.withTenant(claims.tenantId, (tx) => listSuppliers(tx, claims.tenantId)),

    add: (claims, input, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        await nameFree(tx, claims.tenantId, input.name);
        const supplier = await insertSupplier(tx, claims.tenantId, input);
        await recordAuditBy(tx, { claims, context }, 'supplier.added', {
          supplierId: supplier.id,
          name: supplier.name,
        });
        return supplier;
      }),

    change: (claims, id, patch, context) =>
      db.withTenant(claims.tenantId, async (tx) => {
        const before = (await nameFree(tx, claims.tenantId, patch.name, id)) as Supplier;
        const after: Supplier = {
          ...before,
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.phone === undefined ? {} : { phone: patch.phone || null }),
          ...(patch.email === undefined ? {} : { email: patch.email || null }),
          ...(patch.notes === undefined ? {} : { notes: patch.notes || null }),
          ...(patch.active === undefined ? {} : { active: patch.active }),
        };
        await updateSupplier(tx, after);
        const { id: _id, ...from } = before;
        const { id: _same, ...to } = after;
        await recordAuditBy(tx, { claims, context }, 'supplier.changed', {
          supplierId: id,
          name: after.name,
          from,
          to,
        });
        return after;
      }),
  };
}
