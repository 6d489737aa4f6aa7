import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_CART, MAX_LINE_QUANTITY } from '@opentill/domain';
import { loadCart, loadParkedSales } from '../db';
import { db } from '../db/database';
import { resetLocalDatabase } from '../db/testing';
import { flushCartSave, useCart } from './cartStore';

const bread = { id: '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11', name: 'Bread', price: 1899 };
const milk = { id: '5d2e9a70-3c4b-4f1a-8e6d-1a2b3c4d5e6f', name: 'Milk', price: 2199 };

const lines = () => useCart.getState().cart.lines.map(({ lineId: _lineId, ...line }) => line);
const firstLineId = () => useCart.getState().cart.lines[0]?.lineId ?? '';

beforeEach(async () => {
  await flushCartSave(); // the last test's write, before the database is emptied
  await resetLocalDatabase();
  useCart.getState().hydrate(EMPTY_CART, []);
});

describe('cart', () => {
  it('adds one per tap and keeps a line per product', () => {
    const { add } = useCart.getState();
    add(bread);
    add(milk);
    add(bread);
    expect(lines()).toEqual([
      { productId: bread.id, name: 'Bread', price: 1899, quantity: 2 },
      { productId: milk.id, name: 'Milk', price: 2199, quantity: 1 },
    ]);
  });

  it('removes a line when its quantity drops to zero', () => {
    const { add, setQuantity } = useCart.getState();
    add(bread);
    setQuantity(firstLineId(), 2);
    setQuantity(firstLineId(), 0);
    expect(lines()).toEqual([]);
  });

  it('refuses a quantity above the largest allowed, keeps the line, and says why', () => {
    useCart.getState().add(bread, { quantity: MAX_LINE_QUANTITY });
    expect(useCart.getState().setQuantity(firstLineId(), MAX_LINE_QUANTITY + 1)).toBe(false);
    expect(lines()[0]?.quantity).toBe(MAX_LINE_QUANTITY);
    expect(useCart.getState().refusal).toBe('QUANTITY_INVALID');
    useCart.getState().add(milk);
    expect(useCart.getState().refusal).toBeNull();
  });

  it('BT2: refuses units only expired batches could cover, offline, and says why', async () => {
    const { expiredUnitsToday } = await import('../db/batches');
    const snapshot = vi.spyOn(await import('../db/live'), 'tillStockSnapshot');
    await db.batches.put({
      id: crypto.randomUUID(),
      productId: bread.id,
      lot: 'OLD',
      expiresOn: '2001-01-31',
      onHand: 2,
    });
    snapshot.mockReturnValue({ shown: new Map([[bread.id, 3]]), expired: await expiredUnitsToday() });
    const { add, setQuantity } = useCart.getState();
    expect(add(bread)).toBe(true); // the one unit not expired
    expect(add(bread)).toBe(false);
    expect(useCart.getState().refusal).toBe('ONLY_EXPIRED_STOCK');
    expect(setQuantity(firstLineId(), 2)).toBe(false);
    expect(lines()).toEqual([expect.objectContaining({ productId: bread.id, quantity: 1 })]);
    expect(add(milk)).toBe(true);
    snapshot.mockRestore();
  });

  it('keeps the cart on disk as it changes', async () => {
    useCart.getState().add(milk);
    await expect.poll(async () => (await loadCart()).lines.map((line) => line.name)).toEqual(['Milk']);
    useCart.getState().clear();
    await expect.poll(() => loadCart()).toEqual({ lines: [] });
  });

  it('writes changes made before the till is idle once, as the latest cart', async () => {
    const puts = vi.spyOn(db.meta, 'put');
    const { add } = useCart.getState();
    add(bread);
    add(milk);
    add(bread);
    await flushCartSave();
    expect((await loadCart()).lines.map((line) => [line.name, line.quantity])).toEqual([
      ['Bread', 2],
      ['Milk', 1],
    ]);
    expect(puts).toHaveBeenCalledTimes(1);
    puts.mockRestore();
  });

  it('parks and resumes with the cart and the parked list written together', async () => {
    useCart.getState().add(bread);
    expect(useCart.getState().park('Thandi')).toBe(true);
    await expect.poll(async () => (await loadParkedSales()).map((ticket) => ticket.label)).toEqual(['Thandi']);
    expect(await loadCart()).toEqual({ lines: [] });
    const [ticket] = useCart.getState().parked;
    expect(useCart.getState().resume(ticket?.id ?? '')).toBe(true);
    await expect.poll(() => loadParkedSales()).toEqual([]);
    expect((await loadCart()).lines.map((line) => line.name)).toEqual(['Bread']);
  });

  it('does not write back the cart it was given from disk', async () => {
    const puts = vi.spyOn(db.meta, 'put');
    useCart
      .getState()
      .hydrate({ lines: [{ lineId: 'line-0', productId: milk.id, name: 'Milk', price: 2199, quantity: 1 }] }, []);
    await flushCartSave();
    expect(puts).not.toHaveBeenCalled();
    puts.mockRestore();
  });

  it('reads a cart kept before line ids (a bare list of lines) and drops lines that no longer validate', async () => {
    await db.meta.put({
      key: 'cart',
      value: [
        { productId: bread.id, name: 'Bread', price: 1899, quantity: 1 },
        { productId: milk.id, name: 'Milk', price: -5, quantity: 1 },
      ],
    });
    expect(await loadCart()).toEqual({
      lines: [{ lineId: 'line-0', productId: bread.id, name: 'Bread', price: 1899, quantity: 1 }],
    });
  });
});
