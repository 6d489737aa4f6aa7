import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockOnDevice, stockMovements, type OperationContent } from './deviceStock.js';

const PRODUCTS = ['a', 'b', 'c'].map((letter) => `00000000-0000-4000-8000-00000000000${letter}`);
const [BREAD = '', MILK = ''] = PRODUCTS;

function sale(items: { productId: string; quantity: number }[]): OperationContent {
  return {
    type: 'CREATE_SALE',
    data: {
      localId: 'sale_0000000001',
      items: items.map((item) => ({ ...item, name: 'Item', price: 100 })),
      totalAmount: 0,
      paymentMethod: 'cash',
      tendered: 0,
      change: 0,
      createdAt: '2026-11-23T14:22:00+02:00',
      chain: { seq: 1, previousHash: '0'.repeat(64), hash: '0'.repeat(64) },
    },
  };
}

function refund(items: { productId: string; quantity: number }[], restock: boolean): OperationContent {
  return {
    type: 'REFUND_SALE',
    data: {
      localId: 'refund_000000001',
      sale: { deviceId: '00000000-0000-4000-8000-0000000000d1', localId: 'sale_0000000001' },
      items: items.map((item) => ({ ...item, name: 'Item', price: 100 })),
      amount: 0,
      method: 'cash',
      restock,
      reason: 'Returned',
      createdAt: '2026-11-23T14:22:00+02:00',
    },
  };
}

const productArb = fc.constantFrom(...PRODUCTS);
const operationArb: fc.Arbitrary<OperationContent> = fc.oneof(
  fc
    .array(fc.record({ productId: productArb, quantity: fc.integer({ min: 1, max: 5 }) }), {
      minLength: 1,
      maxLength: 3,
    })
    .map(sale),
  fc
    .record({ productId: productArb, quantity: fc.integer({ min: 1, max: 20 }) })
    .map((data): OperationContent => ({ type: 'RECEIVE_STOCK', data })),
  fc
    .record({ productId: productArb, delta: fc.integer({ min: -20, max: 20 }).filter((delta) => delta !== 0) })
    .map((data): OperationContent => ({ type: 'ADJUST_STOCK', data: { ...data, reason: 'count' } })),
  productArb.map((id): OperationContent => ({ type: 'DELETE_PRODUCT', data: { id } })),
  fc.uuid().map((exceptionId): OperationContent => ({ type: 'RESOLVE_STOCK_EXCEPTION', data: { exceptionId } })),
  fc
    .tuple(
      fc.array(fc.record({ productId: productArb, quantity: fc.integer({ min: 1, max: 5 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.boolean(),
    )
    .map(([items, restock]) => refund(items, restock)),
);
const levelsArb = fc.uniqueArray(fc.record({ productId: productArb, onHand: fc.integer({ min: -5, max: 30 }) }), {
  selector: (level) => level.productId,
});

describe('stockOnDevice', () => {
  it('is the server figure minus pending sales plus pending deliveries, adjustments and restocked refunds', () => {
    fc.assert(
      fc.property(levelsArb, fc.array(operationArb, { maxLength: 20 }), (levels, pending) => {
        const shown = stockOnDevice(levels, pending);
        for (const productId of PRODUCTS) {
          let expected = levels.find((level) => level.productId === productId)?.onHand ?? 0;
          for (const operation of pending) {
            if (operation.type === 'CREATE_SALE') {
              for (const item of operation.data.items) if (item.productId === productId) expected -= item.quantity;
            } else if (operation.type === 'REFUND_SALE' && operation.data.restock) {
              for (const item of operation.data.items) if (item.productId === productId) expected += item.quantity;
            } else if (operation.type === 'RECEIVE_STOCK' && operation.data.productId === productId) {
              expected += operation.data.quantity;
            } else if (operation.type === 'ADJUST_STOCK' && operation.data.productId === productId) {
              expected += operation.data.delta;
            }
          }
          expect(shown.get(productId) ?? 0).toBe(expected);
        }
      }),
    );
  });

  it('gives the same figures whether an answered operation is still pending or already in the server figure', () => {
    // The acknowledgment and the pulled figure are applied together: nothing counts twice or goes missing.
    fc.assert(
      fc.property(levelsArb, fc.array(operationArb, { maxLength: 20 }), fc.nat(20), (levels, pending, split) => {
        const answered = pending.slice(0, split);
        const serverAfter = [...stockOnDevice(levels, answered)].map(([productId, onHand]) => ({ productId, onHand }));
        const before = stockOnDevice(levels, pending);
        const after = stockOnDevice(serverAfter, pending.slice(split));
        for (const productId of PRODUCTS) expect(after.get(productId) ?? 0).toBe(before.get(productId) ?? 0);
      }),
    );
  });

  it('shows one fewer after an offline sale of the last unit, and a new product its opening stock', () => {
    const shown = stockOnDevice(
      [{ productId: BREAD, onHand: 1 }],
      [sale([{ productId: BREAD, quantity: 1 }]), { type: 'RECEIVE_STOCK', data: { productId: MILK, quantity: 5 } }],
    );
    expect(shown).toEqual(
      new Map([
        [BREAD, 0],
        [MILK, 5],
      ]),
    );
  });

  it('puts a restocked refund back on the shelf, and nothing for goods written off', () => {
    expect(stockMovements(refund([{ productId: BREAD, quantity: 2 }], true))).toEqual([{ productId: BREAD, delta: 2 }]);
    expect(stockMovements(refund([{ productId: BREAD, quantity: 2 }], false))).toEqual([]);
  });

  it('moves nothing for catalogue edits and exception resolutions', () => {
    expect(stockMovements({ type: 'DELETE_PRODUCT', data: { id: BREAD } })).toEqual([]);
    expect(stockMovements({ type: 'RESOLVE_STOCK_EXCEPTION', data: { exceptionId: BREAD } })).toEqual([]);
  });
});
