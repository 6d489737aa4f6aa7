import { describe, expect, it } from 'vitest';
import { cents, checkSale, saleContentSchema } from '@opentill/domain';
import { PRODUCT_ID, OTHER_PRODUCT_ID } from '../testing/fixtures';
import { buildCashSale, newSaleLocalId } from './buildSale';

const lines = [
  { productId: PRODUCT_ID, name: 'Bread', price: 1899, quantity: 2 },
  { productId: OTHER_PRODUCT_ID, name: 'Milk', price: 2199, quantity: 1 },
];

describe('buildCashSale', () => {
  it('builds a sale that the domain accepts, with total and change', () => {
    const sale = buildCashSale(lines, cents(10000), new Date('2026-11-23T12:00:00Z'));
    expect(sale).toMatchObject({
      totalAmount: 5997,
      tendered: 10000,
      change: 4003,
      paymentMethod: 'cash',
      createdAt: '2026-11-23T12:00:00.000Z',
    });
    expect(sale.items).toEqual(
      lines.map(({ productId, name, quantity, price }) => ({ productId, name, quantity, price })),
    );
    expect(saleContentSchema.safeParse(sale).success).toBe(true);
    expect(checkSale(sale)).toEqual([]);
  });

  it('refuses a tender below the total', () => {
    expect(() => buildCashSale(lines, cents(5996))).toThrow();
  });

  it('refuses an empty cart', () => {
    expect(() => buildCashSale([], cents(0))).toThrow();
  });
});

describe('newSaleLocalId', () => {
  it('is sale_ and 16 URL-safe characters, different every time', () => {
    const ids = Array.from({ length: 1000 }, newSaleLocalId);
    for (const id of ids) expect(id).toMatch(/^sale_[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
