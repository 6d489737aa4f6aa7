import { LANE_OF_TYPE, operationSchema, type Operation, type OperationType } from '@opentill/domain';
import { db, type OutboxEntry } from './database';
import { takeNextSeq } from './meta';

/** An operation before it gets its id, lane and place in the lane. */
export type NewOperation = {
  [T in OperationType]: Pick<Extract<Operation, { type: T }>, 'type' | 'localId' | 'data'>;
}[OperationType];

/**
 * Queues an operation in its type's lane with the lane's next seq. Call it inside
 * the `rw` transaction (outbox + meta) that writes the record, so the record, the
 * operation and the counter commit or roll back together (SY1).
 */
export async function enqueueOperation(operation: NewOperation): Promise<OutboxEntry> {
  const lane = LANE_OF_TYPE[operation.type];
  const seq = await takeNextSeq(lane);
  const wire = operationSchema.parse({ opId: crypto.randomUUID(), lane, seq, ...operation });
  const entry: OutboxEntry = { ...wire, status: 'pending', attempts: 0, createdAt: new Date().toISOString() };
  await db.outbox.add(entry);
  return entry;
}
