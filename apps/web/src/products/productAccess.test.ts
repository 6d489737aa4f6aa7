import { describe, expect, it } from 'vitest';
import { mayOpenProducts, productAccessOf } from './productAccess';

describe('productAccessOf (the acting person’s role decides)', () => {
  it('lets an owner and a branch manager do everything', () => {
    expect(productAccessOf('OWNER')).toEqual({
      write: true,
      receive: true,
      count: true,
      adjust: true,
      transfer: true,
      read: true,
    });
    expect(productAccessOf('BRANCH_MANAGER')).toEqual({
      write: true,
      receive: true,
      count: true,
      adjust: true,
      transfer: true,
      read: true,
    });
  });

  it('lets a cashier only look, and a pharmacist’s assistant receive and count but not edit', () => {
    expect(productAccessOf('CASHIER')).toEqual({
      write: false,
      receive: false,
      count: false,
      adjust: false,
      transfer: false,
      read: true,
    });
    expect(mayOpenProducts(productAccessOf('CASHIER'))).toBe(false);
    expect(productAccessOf('PHARMACIST_ASSISTANT')).toMatchObject({ write: false, receive: true, count: true });
    expect(mayOpenProducts(productAccessOf('PHARMACIST_ASSISTANT'))).toBe(true);
  });

  it('allows nothing with nobody acting', () => {
    expect(productAccessOf(null)).toEqual({
      write: false,
      receive: false,
      count: false,
      adjust: false,
      transfer: false,
      read: false,
    });
  });
});
