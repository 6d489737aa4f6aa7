/**
 * The pull cursor: the database generation, the tenant's catalogue change counter
 * and the branch's stock change counter the device has seen, opaque to the device
 * (SPEC SY4, SY5, ST6).
 */
import { AppError } from '../http/errors.js';

const PREFIX = 'c2';
/** Cursors issued before the stock feed: they carry no stock position (0, the beginning). */
const PREFIX_V1 = 'c1';

export interface CursorPosition {
  generation: string;
  seq: number;
  stockSeq: number;
}

export type PullPosition = Omit<CursorPosition, 'generation'>;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${PREFIX}:${position.generation}:${position.seq}:${position.stockSeq}`).toString('base64url');
}

const isPosition = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * The position to pull from. No cursor, or one from another database generation,
 * starts from the beginning; a cursor that is not ours is bad input.
 */
export function decodeCursor(cursor: string | null | undefined, generation: string): PullPosition {
  if (!cursor) return { seq: 0, stockSeq: 0 };
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const [prefix, cursorGeneration, seqText, stockText = '0'] = parts;
  const seq = Number(seqText);
  const stockSeq = Number(stockText);
  const shaped = (prefix === PREFIX && parts.length === 4) || (prefix === PREFIX_V1 && parts.length === 3);
  if (!shaped || !cursorGeneration || !isPosition(seq) || !isPosition(stockSeq)) {
    throw new AppError('OT_ERR_VALIDATION', [
      { path: 'cursor', message: 'This cursor was not issued by this server.' },
    ]);
  }
  return cursorGeneration === generation ? { seq, stockSeq } : { seq: 0, stockSeq: 0 };
}
