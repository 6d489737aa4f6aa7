import { LANE_OF_TYPE, operationSchema, type Operation, type OperationType } from '@opentill/domain';
import { getActingUser } from './actingUser';
import { db, type OutboxEntry } from './database';
import { takeNextSeq } from './meta';

/** An operation before it gets its id, lane and place in the lane. */
export type NewOperation = {
  [T in OperationType]: Pick<Extract<Operation, { type: T }>, 'type' | 'localId' | 'data'>;
}[OperationType];

/**
 * Queues an operation in its type's lane with the lane's next seq, stamped with the
 * acting user as `actorId` (SPEC ID3): every write goes through here, so every
 * operation says who did it. Call it inside the `rw` transaction (outbox + meta)
 * that writes the record, so the record, the operation and the counter commit or
 * roll back together (SY1), and the actor is the one acting when it committed.
 */
export async function enqueueOperation(
  operation: NewOperation,
  { approvedBy }: { approvedBy?: string } = {},
): Promise<OutboxEntry> {
  const lane = LANE_OF_TYPE[operation.type];
  const seq = await takeNextSeq(lane);
  // A manager's PIN on the spot makes them the one who did it: their permission is what the server checks.
  const actorId = approvedBy ?? (await getActingUser())?.userId;
  const wire = operationSchema.parse({
    opId: crypto.randomUUID(),
    lane,
    seq,
    // None only before a session exists; the server then takes the token's user.
    ...(actorId ? { actorId } : {}),
    ...operation,
  });
  const entry: OutboxEntry = { ...wire, status: 'pending', attempts: 0, createdAt: new Date().toISOString() };
  await db.outbox.add(entry);
  return entry;
}
