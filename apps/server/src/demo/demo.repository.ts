import { count } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { tenants } from '../db/schema.js';

export async function countTenants(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return row?.n ?? 0;
}
