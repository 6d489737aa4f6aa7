import { describe, expect, it } from 'vitest';
import { attachCustomer } from './attachCustomer.js';
import { EMPTY_CART, type Cart } from './cart.js';

const THANDI = '00000000-0000-4000-8000-0000000000c1';
const SIPHO = '00000000-0000-4000-8000-0000000000c2';

describe('attaching a customer (SPEC C10)', () => {
  it('C10: attaches, replaces and takes off the customer, leaving the lines as they were', () => {
    const cart: Cart = {
      lines: [
        { lineId: 'l1', productId: '00000000-0000-4000-8000-000000000001', name: 'Bread', quantity: 1, price: 1899 },
      ],
    };
    const attached = attachCustomer(cart, THANDI);
    expect(attached).toEqual({ ok: true, cart: { ...cart, customerId: THANDI } });
    if (!attached.ok) return;
    expect(attachCustomer(attached.cart, SIPHO)).toEqual({ ok: true, cart: { ...cart, customerId: SIPHO } });
    expect(attachCustomer(attached.cart, null)).toEqual({ ok: true, cart });
    expect(attachCustomer(EMPTY_CART, null)).toEqual({ ok: true, cart: EMPTY_CART });
  });
});
