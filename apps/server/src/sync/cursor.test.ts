import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('pull cursor', () => {
  it('round-trips a position in the same generation', () => {
    expect(decodeCursor(encodeCursor({ generation: 'g1', seq: 42 }), 'g1')).toBe(42);
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeCursor(null, 'g1')).toBe(0);
    expect(decodeCursor(undefined, 'g1')).toBe(0);
  });

  it('SY5: restarts from the beginning for a cursor of another generation', () => {
    expect(decodeCursor(encodeCursor({ generation: 'old', seq: 42 }), 'new')).toBe(0);
  });

  it.each(['garbage', Buffer.from('c1:g1:-4').toString('base64url'), Buffer.from('x:g1:4').toString('base64url')])(
    'rejects %j as bad input',
    (cursor) => {
      expect(() => decodeCursor(cursor, 'g1')).toThrow(AppError);
      try {
        decodeCursor(cursor, 'g1');
      } catch (error) {
        expect((error as AppError).details).toEqual([expect.objectContaining({ path: 'cursor' })]);
      }
    },
  );
});
