import { describe, expect, it } from 'vitest';
import type { Operation } from '@opentill/domain';
import { takeBatch } from './batch';

function op(seq: number, nameLength: number): Operation {
  return {
    opId: crypto.randomUUID(),
    lane: 'medium',
    seq,
    type: 'UPSERT_PRODUCT',
    localId: 'p',
    data: { id: crypto.randomUUID(), name: 'x'.repeat(nameLength), price: 100 },
  };
}

const size = (operation: Operation) => new TextEncoder().encode(JSON.stringify(operation)).length;

describe('takeBatch', () => {
  it('takes every operation when they fit', () => {
    const operations = [op(1, 10), op(2, 10), op(3, 10)];
    expect(takeBatch(operations, 100, 10_000)).toEqual(operations);
  });

  it('stops before the operation that would pass the byte cap, never splitting one', () => {
    const [a, b, c] = [op(1, 1000), op(2, 1000), op(3, 1000)];
    const operations = [a, b, c];
    const cap = 100 + size(a) + 1 + size(b) + 500;
    expect(takeBatch(operations, 100, cap).map((operation) => operation.seq)).toEqual([1, 2]);
  });

  it('sends an operation larger than the cap alone', () => {
    const operations = [op(1, 5000), op(2, 10)];
    expect(takeBatch(operations, 100, 1000).map((operation) => operation.seq)).toEqual([1]);
  });

  it('takes nothing from nothing', () => {
    expect(takeBatch([], 100, 1000)).toEqual([]);
  });
});
