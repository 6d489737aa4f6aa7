import { and, asc, eq, sql } from 'drizzle-orm';
import type { Supplier, SupplierInput } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { suppliers } from '../db/schema.js';

const columns = {
  id: suppliers.id,
  name: suppliers.name,
  phone: suppliers.phone,
  email: suppliers.email,
  notes: suppliers.notes,
  active: suppliers.active,
};

/** The shop's suppliers by name (active and inactive: the screen greys the inactive ones). */
export async function listSuppliers(tx: Executor, tenantId: string): Promise<Supplier[]> {
  return tx
    .select(columns)
    .from(suppliers)
    .where(eq(suppliers.tenantId, tenantId))
    .orderBy(asc(sql`lower(${suppliers.name})`), asc(suppliers.id));
}

export async function findSupplier(tx: Executor, tenantId: string, id: string): Promise<Supplier | undefined> {
  const [row] = await tx
    .select(columns)
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, id)));
  return row;
}

export async function insertSupplier(tx: Executor, tenantId: string, input: SupplierInput): Promise<Supplier> {
  const [row] = await tx
    .insert(suppliers)
    .values({
      tenantId,
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      notes: input.notes || null,
      active: input.active ?? true,
    })
    .returning(columns);
  if (!row) throw new Error('the supplier was not inserted');
  return row;
}

export async function updateSupplier(tx: Executor, supplier: Supplier): Promise<void> {
  const { id, ...fields } = supplier;
  await tx
    .update(suppliers)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(suppliers.id, id));
}
