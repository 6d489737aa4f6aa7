/** Where the end-to-end server listens, and how tests reach its database. */
import { gunzipSync } from 'node:zlib';
import type { Request } from '@playwright/test';
import pg from 'pg';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Set by global-setup for the test workers: the fresh database the server writes to. */
export function e2eDatabaseUrl(): string {
  const url = process.env.OPENTILL_E2E_DATABASE_URL;
  if (!url) throw new Error('OPENTILL_E2E_DATABASE_URL is not set: run through playwright.config.ts');
  return url;
}

/** Runs one query against the server's own database and closes the connection. */
export async function queryServerDb<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A push body as JSON text: the app gzips pushes (Content-Encoding: gzip) where the browser can. */
export function pushBodyText(request: Request): string {
  const body = request.postDataBuffer() ?? Buffer.alloc(0);
  return (request.headers()['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
}

export interface SaleRow {
  id: string;
  total_amount: number;
  tendered: number;
  change: number;
  payment_method: string;
  items: { productId: string; name: string; quantity: number; price: number }[];
}

/** The sales the server stored for the shop of this name. */
export async function salesOf(businessName: string): Promise<SaleRow[]> {
  return queryServerDb<SaleRow>(
    `select s.id, s.total_amount, s.tendered, s.change, s.payment_method, s.items
       from sales s join tenants t on t.id = s.tenant_id
      where t.business_name = $1`,
    [businessName],
  );
}
