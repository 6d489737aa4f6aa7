import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '@opentill/domain';
import { loadCart } from '../db';
import { resetLocalDatabase } from '../db/testing';
import { useCart } from './cartStore';

const bread = { id: '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11', name: 'Bread', price: 1899 };
const milk = { id: '5d2e9a70-3c4b-4f1a-8e6d-1a2b3c4d5e6f', name: 'Milk', price: 2199 };

beforeEach(async () => {
  await resetLocalDatabase();
  useCart.setState({ lines: [] });
});

describe('cart', () => {
  it('adds one per tap and keeps a line per product', () => {
    const { add } = useCart.getState();
    add(bread);
    add(milk);
    add(bread);
    expect(useCart.getState().lines).toEqual([
      { productId: bread.id, name: 'Bread', price: 1899, quantity: 2 },
      { productId: milk.id, name: 'Milk', price: 2199, quantity: 1 },
    ]);
  });

  it('removes a line when its quantity drops to zero', () => {
    const { add, decrease, increase } = useCart.getState();
    add(bread);
    increase(bread.id);
    decrease(bread.id);
    decrease(bread.id);
    expect(useCart.getState().lines).toEqual([]);
  });

  it('caps a line at the largest allowed quantity', () => {
    useCart.setState({ lines: [{ productId: bread.id, name: 'Bread', price: 1899, quantity: MAX_LINE_QUANTITY }] });
    useCart.getState().increase(bread.id);
    expect(useCart.getState().lines[0]?.quantity).toBe(MAX_LINE_QUANTITY);
  });

  it('keeps the cart on disk as it changes', async () => {
    useCart.getState().add(milk);
    await expect.poll(() => loadCart()).toEqual([{ productId: milk.id, name: 'Milk', price: 2199, quantity: 1 }]);
    useCart.getState().clear();
    await expect.poll(() => loadCart()).toEqual([]);
  });
});
