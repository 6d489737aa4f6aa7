import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StockAlert } from '@opentill/domain';
import { MAX_SEPARATE_NOTIFICATIONS, alertKey, planNotifications, stockAlertCrossings } from './crossings';

function alert(productId: string, severity: 'low' | 'out' = 'low'): StockAlert {
  return {
    kind: 'low_stock',
    productId,
    name: `Product ${productId}`,
    onHand: severity === 'out' ? 0 : 2,
    reorderLevel: 5,
    severity,
  };
}

describe('stockAlertCrossings (SPEC AL5)', () => {
  it('only takes note the first time (nothing kept yet): no flood when turned on or after sign-in', () => {
    const result = stockAlertCrossings(null, [alert('a'), alert('b')]);
    expect(result.notify).toEqual([]);
    expect(result.remember).toEqual(['low_stock:a', 'low_stock:b']);
  });

  it('notifies a product that newly crossed, once', () => {
    const first = stockAlertCrossings(['low_stock:a'], [alert('a'), alert('b')]);
    expect(first.notify.map((crossed) => crossed.productId)).toEqual(['b']);
    const again = stockAlertCrossings(first.remember, [alert('a'), alert('b')]);
    expect(again.notify).toEqual([]);
  });

  it('does not notify again when a low product runs out', () => {
    const result = stockAlertCrossings(['low_stock:a'], [alert('a', 'out')]);
    expect(result.notify).toEqual([]);
  });

  it('notifies again after the product recovered above its level and crossed anew', () => {
    const recovered = stockAlertCrossings(['low_stock:a'], []);
    expect(recovered).toEqual({ notify: [], remember: [] });
    const crossedAgain = stockAlertCrossings(recovered.remember, [alert('a')]);
    expect(crossedAgain.notify.map(alertKey)).toEqual(['low_stock:a']);
  });

  it('property: notifies exactly the alerts not kept, and keeps exactly the alerts of now', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'));
    fc.assert(
      fc.property(fc.option(ids, { nil: null }), ids, (kept, now) => {
        const keys = kept?.map((id) => `low_stock:${id}`) ?? null;
        const result = stockAlertCrossings(
          keys,
          now.map((id) => alert(id)),
        );
        expect(result.remember).toEqual(now.map((id) => `low_stock:${id}`));
        const expected = kept === null ? [] : now.filter((id) => !kept.includes(id));
        expect(result.notify.map((crossed) => crossed.productId)).toEqual(expected);
      }),
    );
  });

  it('property: over any run of looks, a product is notified once per crossing', () => {
    // Each step: which products are at or below their level now.
    const steps = fc.array(fc.subarray(['a', 'b', 'c']), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(steps, (run) => {
        let kept: readonly string[] | null = null;
        const notified: string[] = [];
        for (const now of run) {
          const result = stockAlertCrossings(
            kept,
            now.map((id) => alert(id)),
          );
          notified.push(...result.notify.map((crossed) => crossed.productId));
          kept = result.remember;
        }
        for (const id of ['a', 'b', 'c']) {
          // Crossings after the first look: absent in one step, present in the next.
          let crossings = 0;
          for (let i = 1; i < run.length; i += 1) {
            if (!run[i - 1]?.includes(id) && run[i]?.includes(id)) crossings += 1;
          }
          expect(notified.filter((notifiedId) => notifiedId === id)).toHaveLength(crossings);
        }
      }),
    );
  });
});

describe('expiry alerts are keyed by batch (SPEC AL9)', () => {
  function expiry(kind: 'expiring' | 'expired', batchId: string, productId = 'p'): StockAlert {
    const fields = { productId, name: 'Panado', batchId, lot: `L-${batchId}`, expiresOn: '2026-03-20', onHand: 3 };
    return kind === 'expired' ? { kind, ...fields } : { kind, ...fields, daysLeft: 10 };
  }

  it('a second batch of the same product crossing into the window notifies once', () => {
    const first = stockAlertCrossings(['expiring:b1'], [expiry('expiring', 'b1'), expiry('expiring', 'b2')]);
    expect(first.notify.map(alertKey)).toEqual(['expiring:b2']);
    expect(stockAlertCrossings(first.remember, [expiry('expiring', 'b1'), expiry('expiring', 'b2')]).notify).toEqual(
      [],
    );
  });

  it('a batch that expires notifies again: writing it off is a new thing to do', () => {
    const result = stockAlertCrossings(['expiring:b1', 'low_stock:p'], [alert('p'), expiry('expired', 'b1')]);
    expect(result.notify.map(alertKey)).toEqual(['expired:b1']);
    expect(result.remember).toEqual(['low_stock:p', 'expired:b1']);
  });
});

describe('planNotifications', () => {
  it('nothing for no crossing, one each for a few, one summary for many', () => {
    expect(planNotifications([])).toBeNull();
    const few = Array.from({ length: MAX_SEPARATE_NOTIFICATIONS }, (_, index) => alert(String(index)));
    expect(planNotifications(few)).toEqual({ each: few });
    const many = [...few, alert('x')];
    expect(planNotifications(many)).toEqual({ summary: many });
  });
});
