import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const START = { seq: 0, stockSeq: 0 };

describe('pull cursor', () => {
  it('round-trips a position in the same generation', () => {
    expect(decodeCursor(encodeCursor({ generation: 'g1', seq: 42, stockSeq: 7 }), 'g1')).toEqual({
      seq: 42,
      stockSeq: 7,
    });
  });

  it('BR3: carries the branch whose stock feed it counts; a cursor from before branches has none', () => {
    const branchId = '0a7c4a52-6f0c-4c4e-9d6a-2d1f3c5b7e90';
    expect(decodeCursor(encodeCursor({ generation: 'g1', seq: 42, stockSeq: 7, branchId }), 'g1')).toEqual({
      seq: 42,
      stockSeq: 7,
      branchId,
    });
    expect(decodeCursor(Buffer.from('c2:g1:42:7').toString('base64url'), 'g1')).toEqual({ seq: 42, stockSeq: 7 });
    expect(() => decodeCursor(Buffer.from('c3:g1:42:7:not-a-branch').toString('base64url'), 'g1')).toThrow(AppError);
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeCursor(null, 'g1')).toEqual(START);
    expect(decodeCursor(undefined, 'g1')).toEqual(START);
  });

  it('SY5: restarts from the beginning for a cursor of another generation', () => {
    expect(decodeCursor(encodeCursor({ generation: 'old', seq: 42, stockSeq: 7 }), 'new')).toEqual(START);
  });

  it('reads a cursor issued before the stock feed as the start of the stock feed', () => {
    expect(decodeCursor(Buffer.from('c1:g1:42').toString('base64url'), 'g1')).toEqual({ seq: 42, stockSeq: 0 });
  });

  it.each([
    'garbage',
    Buffer.from('c1:g1:-4').toString('base64url'),
    Buffer.from('x:g1:4').toString('base64url'),
    Buffer.from('c2:g1:4').toString('base64url'),
    Buffer.from('c2:g1:4:x').toString('base64url'),
  ])('rejects %j as bad input', (cursor) => {
    expect(() => decodeCursor(cursor, 'g1')).toThrow(AppError);
    try {
      decodeCursor(cursor, 'g1');
    } catch (error) {
      expect((error as AppError).details).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
  });
});
