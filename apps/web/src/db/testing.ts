import { db } from './database';
import { pendingOperations } from './outbox';

/** Tests only: drops and reopens the local database so each test starts empty. */
export async function resetLocalDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

/** Tests only: row counts of every table, to prove a refusal deleted nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

/** Tests only: the first operation waiting in the outbox. */
export async function firstOperation() {
  const [operation] = await pendingOperations(50);
  if (!operation) throw new Error('expected a queued operation');
  return operation;
}
