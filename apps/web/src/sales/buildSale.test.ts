import { describe, expect, it } from 'vitest';
import { newSaleLocalId } from './buildSale';

describe('newSaleLocalId', () => {
  it('is sale_ and 16 URL-safe characters, different every time', () => {
    const ids = Array.from({ length: 1000 }, newSaleLocalId);
    for (const id of ids) expect(id).toMatch(/^sale_[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
