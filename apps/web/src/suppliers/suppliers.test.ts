import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { PurchaseOrder } from '@opentill/domain';
import { orderProgress, receivedOutside } from './orderProgress';
import { orderDocument, orderFileName, orderWhatsappUrl } from './sendOrder';
import { supplierAccessOf } from './suppliersAccess';

const bread = '0b7a4e4e-3c5d-4d8f-9a61-2f2f7b1c9d01';
const milk = '0b7a4e4e-3c5d-4d8f-9a61-2f2f7b1c9d02';

const order: PurchaseOrder = {
  id: '7d2f7a10-1c3b-4e5f-8a9b-0c1d2e3f4a5b',
  number: 'PO-0003',
  status: 'part_received',
  supplier: { id: '7d2f7a10-1c3b-4e5f-8a9b-0c1d2e3f4a5c', name: 'Clover SA', phone: '082 123 4567' },
  branch: { id: '7d2f7a10-1c3b-4e5f-8a9b-0c1d2e3f4a5d', name: 'Main' },
  note: null,
  createdAt: '2026-11-30T08:00:00.000Z',
  sentAt: '2026-11-30T08:05:00.000Z',
  lines: [
    { productId: bread, name: 'Bread', quantityOrdered: 10, quantityReceived: 6, unitCost: 1250 },
    { productId: milk, name: 'Milk 1L', quantityOrdered: 4, quantityReceived: 0, unitCost: null },
  ],
  receipts: [
    { productId: bread, name: 'Bread', quantity: 6, lot: null, expiresOn: null, outcome: 'counted', receivedAt: '' },
    {
      productId: milk,
      name: 'Milk 1L',
      quantity: 1,
      lot: null,
      expiresOn: null,
      outcome: 'not_on_order',
      receivedAt: '',
    },
  ],
};

// English words as the keys' last part: enough to see which word goes where.
const t = ((key: string) => key.split('.').at(-1)) as unknown as TFunction;

describe('suppliers and orders on the phone', () => {
  it('PO5/PO6: this phone’s queued deliveries count at once; more than ordered is shown, never negative to come', () => {
    const lines = orderProgress(order, new Map([[bread, 7]]));
    expect(lines.map(({ pendingHere, toCome, over }) => ({ pendingHere, toCome, over }))).toEqual([
      { pendingHere: 7, toCome: 0, over: 3 },
      { pendingHere: 0, toCome: 4, over: 0 },
    ]);
    expect(receivedOutside(order).map((receipt) => receipt.outcome)).toEqual(['not_on_order']);
  });

  it('PO4: the WhatsApp link goes to the supplier’s number as 27…, with the order typed in', () => {
    const document = orderDocument(order, 'Nomsa’s Spaza', '30 Nov 2026', t);
    const url = new URL(orderWhatsappUrl(document, order.supplier.phone));
    expect(url.origin + url.pathname).toBe('https://wa.me/27821234567');
    const text = url.searchParams.get('text') ?? '';
    expect(text).toContain('PO-0003');
    expect(text).toContain('Nomsa’s Spaza');
    expect(text).toContain('10 × Bread');
    expect(text).toContain('4 × Milk 1L');
    expect(orderWhatsappUrl(document, null)).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(orderFileName('PO-0003')).toBe('purchase-order-PO-0003.pdf');
  });

  it('PO1: who manages suppliers and who only receives against orders', () => {
    expect(supplierAccessOf('OWNER')).toEqual({ see: true, manage: true });
    expect(supplierAccessOf('PHARMACIST_ASSISTANT')).toEqual({ see: true, manage: false });
    expect(supplierAccessOf('CASHIER')).toEqual({ see: false, manage: false });
    expect(supplierAccessOf(null)).toEqual({ see: false, manage: false });
  });
});
