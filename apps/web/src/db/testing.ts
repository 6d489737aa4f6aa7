import { db } from './database';

/** Tests only: drops and reopens the local database so each test starts empty. */
export async function resetLocalDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}
