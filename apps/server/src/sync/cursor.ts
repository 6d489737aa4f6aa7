/**
 * The pull cursor: the database generation and the tenant change counter the
 * device has seen, opaque to the device (SPEC SY4, SY5).
 */
import { AppError } from '../http/errors.js';

const PREFIX = 'c1';

export interface CursorPosition {
  generation: string;
  seq: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${PREFIX}:${position.generation}:${position.seq}`).toString('base64url');
}

/**
 * The position to pull from. No cursor, or one from another database generation,
 * starts from the beginning; a cursor that is not ours is bad input.
 */
export function decodeCursor(cursor: string | null | undefined, generation: string): number {
  if (!cursor) return 0;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const [prefix, cursorGeneration, seqText] = parts;
  const seq = Number(seqText);
  if (parts.length !== 3 || prefix !== PREFIX || !cursorGeneration || !Number.isSafeInteger(seq) || seq < 0) {
    throw new AppError('OT_ERR_VALIDATION', [
      { path: 'cursor', message: 'This cursor was not issued by this server.' },
    ]);
  }
  return cursorGeneration === generation ? seq : 0;
}
