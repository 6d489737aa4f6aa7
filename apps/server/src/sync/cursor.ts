/**
 * The pull cursor: the database generation, the tenant's catalogue change counter
 * and the branch's stock change counter the device has seen, with that branch,
 * opaque to the device (SPEC SY4, SY5, ST6, BR3).
 */
import { AppError } from '../http/errors.js';

const PREFIX = 'c3';
/** Cursors issued before branches could be told apart: their stock position is the device's branch's. */
const PREFIX_V2 = 'c2';
/** Cursors issued before the stock feed: they carry no stock position (0, the beginning). */
const PREFIX_V1 = 'c1';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface CursorPosition {
  generation: string;
  seq: number;
  stockSeq: number;
  /** The branch whose stock feed `stockSeq` counts; absent in cursors from before branches. */
  branchId?: string | undefined;
}

export type PullPosition = Omit<CursorPosition, 'generation'>;

export function encodeCursor(position: CursorPosition): string {
  const { generation, seq, stockSeq, branchId } = position;
  const text = branchId
    ? `${PREFIX}:${generation}:${seq}:${stockSeq}:${branchId}`
    : `${PREFIX_V2}:${generation}:${seq}:${stockSeq}`;
  return Buffer.from(text).toString('base64url');
}

const isPosition = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * The position to pull from. No cursor, or one from another database generation,
 * starts from the beginning; a cursor that is not ours is bad input.
 */
export function decodeCursor(cursor: string | null | undefined, generation: string): PullPosition {
  if (!cursor) return { seq: 0, stockSeq: 0 };
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const [prefix, cursorGeneration, seqText, stockText = '0', branchId] = parts;
  const seq = Number(seqText);
  const stockSeq = Number(stockText);
  const shaped =
    (prefix === PREFIX && parts.length === 5 && UUID.test(branchId ?? '')) ||
    (prefix === PREFIX_V2 && parts.length === 4) ||
    (prefix === PREFIX_V1 && parts.length === 3);
  if (!shaped || !cursorGeneration || !isPosition(seq) || !isPosition(stockSeq)) {
    throw new AppError('OT_ERR_VALIDATION', [
      { path: 'cursor', message: 'This cursor was not issued by this server.' },
    ]);
  }
  if (cursorGeneration !== generation) return { seq: 0, stockSeq: 0 };
  return branchId ? { seq, stockSeq, branchId } : { seq, stockSeq };
}
