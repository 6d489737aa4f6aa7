import type { Reprint } from '@opentill/domain';
import { db } from './database';
import { enqueueOperation } from './enqueue';

/**
 * RX2: a receipt given again (marked COPY) goes to the server as RECORD_REPRINT,
 * which counts it on the sale and writes it in the shop's audit log under the
 * person at the till. Offline it waits in the outbox like every write.
 */
export async function recordReprint(reprint: Omit<Reprint, 'at'>, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    await enqueueOperation({
      type: 'RECORD_REPRINT',
      localId: crypto.randomUUID(),
      data: { ...reprint, at: now.toISOString() },
    });
  });
}
