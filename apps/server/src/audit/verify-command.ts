/**
 * `npm run audit:verify -- [tenantId …]`: walks each tenant's audit chain (every
 * tenant without ids) and prints one line per tenant. Exit code 0 when every chain
 * is intact, 1 when one is broken or a tenant is unknown, 2 for a malformed id.
 */
import type { Database } from '../db/client.js';
import { auditedTenants, verifyAuditChain, type AuditBreak } from './audit-log.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const WHY: Record<AuditBreak, string> = {
  hash: 'its hash does not match its content',
  previous: 'it does not link to the entry before it',
  signature: 'its signature is not the server’s',
  gap: 'the entry is missing',
  head: 'the chain does not end where its head says',
};

export async function runAuditVerify(db: Database, ids: string[], print: (line: string) => void): Promise<number> {
  const malformed = ids.filter((id) => !UUID.test(id));
  if (malformed.length > 0) {
    for (const id of malformed) print(`not a tenant id: ${id}`);
    return 2;
  }
  const wanted = ids.map((id) => id.toLowerCase());
  const found = await auditedTenants(db, wanted.length > 0 ? wanted : undefined);
  let status = 0;
  for (const id of wanted.filter((id) => !found.includes(id))) {
    print(`tenant ${id}: not found`);
    status = 1;
  }
  for (const id of found) {
    const { entries, firstBroken } = await verifyAuditChain(db, id);
    const count = `${entries} ${entries === 1 ? 'entry' : 'entries'}`;
    if (firstBroken) {
      print(`tenant ${id}: ${count}, first broken link at seq ${firstBroken.seq} (${WHY[firstBroken.reason]})`);
      status = 1;
    } else {
      print(`tenant ${id}: ${count}, chain intact`);
    }
  }
  if (found.length === 0 && wanted.length === 0) print('no tenants');
  return status;
}
