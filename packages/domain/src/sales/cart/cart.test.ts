import { describe, expect, it } from 'vitest';
import {
  addLine,
  changeQuantity,
  clearCart,
  overridePrice,
  parkSale,
  pickBatch,
  removeLine,
  resumeSale,
  setLineNote,
} from './index.js';
import { EMPTY_CART, type Cart, type CartResult } from './cart.js';

const BREAD = { id: '00000000-0000-4000-8000-00000000000b', name: 'Bread', price: 1899, taxClass: 'zero' as const };
const MINCE = { id: '00000000-0000-4000-8000-00000000000e', name: 'Mince', price: 11_999 };
const MANAGER = '00000000-0000-4000-8000-0000000000aa';

function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(result.error);
  return result.cart;
}

const oneBread = cartOf(addLine(EMPTY_CART, BREAD, { lineId: 'l1' }));

describe('cart commands (SPEC C)', () => {
  it('C2: a second unit joins the line; a weighed or labelled item is a line of its own', () => {
    const two = cartOf(addLine(oneBread, BREAD, { lineId: 'l2' }));
    expect(two.lines).toEqual([
      { lineId: 'l1', productId: BREAD.id, name: 'Bread', taxClass: 'zero', quantity: 2, price: 1899 },
    ]);
    const weighed = cartOf(addLine(two, MINCE, { lineId: 'l3', grams: 750 }));
    expect(weighed.lines[1]).toMatchObject({ quantity: 1, price: 8999, weight: { grams: 750, pricePerKg: 11_999 } });
    const labelled = cartOf(addLine(weighed, MINCE, { lineId: 'l4', price: 4550 }));
    expect(labelled.lines).toHaveLength(3);
  });

  it("BP3: a branch's own price is the line's price, per unit and per kilogram; an override keeps it as the list price", () => {
    const here = cartOf(addLine(EMPTY_CART, { ...BREAD, branchPrice: 2050 }, { lineId: 'l1' }));
    expect(here.lines[0]).toMatchObject({ quantity: 1, price: 2050 });
    const weighed = cartOf(addLine(here, { ...MINCE, branchPrice: 10_000 }, { lineId: 'l2', grams: 500 }));
    expect(weighed.lines[1]).toMatchObject({ price: 5000, weight: { grams: 500, pricePerKg: 10_000 } });
    const lowered = cartOf(overridePrice(here, 'l1', 1800, MANAGER));
    expect(lowered.lines[0]).toMatchObject({ price: 1800, override: { listPrice: 2050, approvedBy: MANAGER } });
    expect(cartOf(addLine(EMPTY_CART, { ...BREAD, branchPrice: null }, { lineId: 'l1' })).lines[0]?.price).toBe(1899);
    expect(addLine(EMPTY_CART, { ...BREAD, branchPrice: -1 }, { lineId: 'l1' })).toEqual({
      ok: false,
      error: 'PRICE_INVALID',
    });
  });

  it('BT5: a picked batch stays on its line, which a plain unit then does not join; null unpicks it', () => {
    const batchId = '00000000-0000-4000-8000-0000000000b5';
    const picked = cartOf(pickBatch(oneBread, 'l1', batchId));
    expect(picked.lines[0]).toMatchObject({ quantity: 1, batchId });
    const more = cartOf(addLine(picked, BREAD, { lineId: 'l2' }));
    expect(more.lines.map((line) => [line.lineId, line.quantity, line.batchId])).toEqual([
      ['l1', 1, batchId],
      ['l2', 1, undefined],
    ]);
    expect(cartOf(pickBatch(picked, 'l1', null)).lines[0]).not.toHaveProperty('batchId');
    expect(pickBatch(picked, 'nope', null)).toEqual({ ok: false, error: 'LINE_NOT_FOUND' });
  });

  it('C2, C3: bad quantities, prices and weights are refused and change nothing', () => {
    expect(addLine(oneBread, BREAD, { lineId: 'x', quantity: -1 })).toEqual({ ok: false, error: 'QUANTITY_INVALID' });
    expect(addLine(oneBread, BREAD, { lineId: 'x', quantity: 1.5 })).toEqual({ ok: false, error: 'QUANTITY_INVALID' });
    expect(addLine(oneBread, BREAD, { lineId: 'x', quantity: 10_000 })).toEqual({
      ok: false,
      error: 'QUANTITY_INVALID',
    });
    expect(addLine(oneBread, { ...BREAD, price: 12.5 }, { lineId: 'x' })).toEqual({
      ok: false,
      error: 'PRICE_INVALID',
    });
    expect(addLine(oneBread, MINCE, { lineId: 'x', grams: 0 })).toEqual({ ok: false, error: 'WEIGHT_INVALID' });
    expect(changeQuantity(oneBread, 'l1', 0)).toEqual({ ok: false, error: 'QUANTITY_INVALID' });
    expect(changeQuantity(oneBread, 'nope', 2)).toEqual({ ok: false, error: 'LINE_NOT_FOUND' });
    const huge = { ...MINCE, price: 2_000_000_000 };
    expect(addLine(oneBread, huge, { lineId: 'x' })).toEqual({ ok: false, error: 'TOTAL_TOO_LARGE' });
  });

  it('C3, C4: quantity changes; a weighed line keeps one item; lines are removed', () => {
    expect(cartOf(changeQuantity(oneBread, 'l1', 5)).lines[0]?.quantity).toBe(5);
    const weighed = cartOf(addLine(oneBread, MINCE, { lineId: 'w', grams: 500 }));
    expect(changeQuantity(weighed, 'w', 2)).toEqual({ ok: false, error: 'WEIGHED_LINE' });
    expect(cartOf(removeLine(weighed, 'l1')).lines.map((line) => line.lineId)).toEqual(['w']);
    expect(removeLine(weighed, 'l1x')).toEqual({ ok: false, error: 'LINE_NOT_FOUND' });
  });

  it('C5: an override keeps the list price and its approver; back to the list price removes it', () => {
    const cheaper = cartOf(overridePrice(oneBread, 'l1', 1500, MANAGER));
    expect(cheaper.lines[0]).toMatchObject({ price: 1500, override: { listPrice: 1899, approvedBy: MANAGER } });
    const again = cartOf(overridePrice(cheaper, 'l1', 1200, MANAGER));
    expect(again.lines[0]?.override?.listPrice).toBe(1899);
    expect(cartOf(overridePrice(again, 'l1', 1899, MANAGER)).lines[0]).not.toHaveProperty('override');
    expect(overridePrice(oneBread, 'l1', -5, MANAGER)).toEqual({ ok: false, error: 'PRICE_INVALID' });
    // An overridden line is not merged with the next unit, which is sold at the list price.
    expect(cartOf(addLine(cheaper, BREAD, { lineId: 'l2' })).lines).toHaveLength(2);
  });

  it('C6, C7: notes are trimmed, limited and removable; clear empties the sale', () => {
    const noted = cartOf(setLineNote(oneBread, 'l1', '  sliced  '));
    expect(noted.lines[0]?.note).toBe('sliced');
    expect(cartOf(setLineNote(noted, 'l1', ' ')).lines[0]).not.toHaveProperty('note');
    expect(setLineNote(noted, 'l1', 'x'.repeat(141))).toEqual({ ok: false, error: 'NOTE_TOO_LONG' });
    expect(cartOf(clearCart({ ...noted, customerId: MANAGER }))).toEqual(EMPTY_CART);
  });

  it('C8, C9: a parked sale comes back whole, only into an empty cart', () => {
    const ticket = { id: 'p1', label: ' Thandi ', parkedAt: '2026-11-30T09:00:00+02:00' };
    const parked = parkSale(oneBread, [], ticket);
    if (!parked.ok) throw new Error(parked.error);
    expect(parked.cart).toEqual(EMPTY_CART);
    expect(parked.parked[0]?.label).toBe('Thandi');
    expect(parkSale(EMPTY_CART, [], ticket)).toEqual({ ok: false, error: 'CART_EMPTY' });
    expect(resumeSale(oneBread, parked.parked, 'p1')).toEqual({ ok: false, error: 'CART_NOT_EMPTY' });
    expect(resumeSale(EMPTY_CART, parked.parked, 'p9')).toEqual({ ok: false, error: 'PARKED_NOT_FOUND' });
    expect(resumeSale(EMPTY_CART, parked.parked, 'p1')).toEqual({ ok: true, cart: oneBread, parked: [] });
  });
});
