import { describe, expect, it } from 'vitest';
import {
  mayCancelOrder,
  mayEditOrder,
  outstandingOf,
  overReceivedOf,
  purchaseOrderNumber,
  receiptOutcome,
  statusAfterReceipt,
} from './purchaseOrders.js';
import { purchaseOrderInputSchema } from './purchaseOrderSchemas.js';
import { sameSupplierName, supplierInputSchema } from './supplierSchemas.js';
import * as z from 'zod/mini';

const line = (quantityOrdered: number, quantityReceived: number) => ({ quantityOrdered, quantityReceived });
const productId = '0190a000-0000-7000-8000-000000000001';
const other = '0190a000-0000-7000-8000-000000000002';

describe('purchase orders', () => {
  it('PO1: supplier names match regardless of case and spacing; the phone must be South African', () => {
    expect(sameSupplierName('  Coca-Cola  Beverages ', 'coca-cola beverages')).toBe(true);
    expect(sameSupplierName('Clover', 'Clover SA')).toBe(false);
    expect(z.safeParse(supplierInputSchema, { name: 'Clover', phone: '082 123 4567' }).success).toBe(true);
    expect(z.safeParse(supplierInputSchema, { name: 'Clover', phone: '12345' }).success).toBe(false);
    expect(z.safeParse(supplierInputSchema, { name: ' ' }).success).toBe(false);
    expect(z.safeParse(supplierInputSchema, { name: 'Clover', email: 'not an email' }).success).toBe(false);
  });

  it('PO2: numbers are PO- and four digits at least', () => {
    expect(purchaseOrderNumber(1)).toBe('PO-0001');
    expect(purchaseOrderNumber(12345)).toBe('PO-12345');
  });

  it('PO2: lines need a whole quantity above zero, one line per product', () => {
    const order = (lines: unknown[]) => z.safeParse(purchaseOrderInputSchema, { supplierId: productId, lines }).success;
    expect(
      order([
        { productId, quantity: 2 },
        { productId: other, quantity: 1, unitCost: 950 },
      ]),
    ).toBe(true);
    expect(order([])).toBe(false);
    expect(order([{ productId, quantity: 0 }])).toBe(false);
    expect(order([{ productId, quantity: 1.5 }])).toBe(false);
    expect(order([{ productId, quantity: 1, unitCost: -1 }])).toBe(false);
    expect(
      order([
        { productId, quantity: 1 },
        { productId, quantity: 2 },
      ]),
    ).toBe(false);
  });

  it('PO3: only drafts are edited; cancelled only before anything arrived', () => {
    expect(mayEditOrder('draft')).toBe(true);
    expect(mayEditOrder('sent')).toBe(false);
    expect(['draft', 'sent', 'part_received', 'received', 'cancelled'].map((s) => mayCancelOrder(s as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('PO5: part, then the rest, then more than ordered', () => {
    expect(statusAfterReceipt('sent', [line(10, 0), line(5, 0)])).toBe('sent');
    expect(statusAfterReceipt('sent', [line(10, 4), line(5, 0)])).toBe('part_received');
    expect(statusAfterReceipt('part_received', [line(10, 10), line(5, 5)])).toBe('received');
    expect(statusAfterReceipt('received', [line(10, 12), line(5, 5)])).toBe('received');
    expect(statusAfterReceipt('cancelled', [line(10, 10)])).toBe('cancelled');
    expect(outstandingOf(line(10, 4))).toBe(6);
    expect(outstandingOf(line(10, 12))).toBe(0);
    expect(overReceivedOf(line(10, 12))).toBe(2);
  });

  it('PO5: a delivery counts only on an open order of its branch that lists the product', () => {
    const order = { status: 'sent' as const, branchId: 'b1', productIds: [productId] };
    expect(receiptOutcome(order, { branchId: 'b1', productId })).toBe('counted');
    expect(receiptOutcome(undefined, { branchId: 'b1', productId })).toBe('unknown_order');
    expect(receiptOutcome({ ...order, status: 'cancelled' }, { branchId: 'b1', productId })).toBe('cancelled');
    expect(receiptOutcome(order, { branchId: 'b2', productId })).toBe('other_branch');
    expect(receiptOutcome(order, { branchId: 'b1', productId: other })).toBe('not_on_order');
  });
});
