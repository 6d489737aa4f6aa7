import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalProduct } from '../db';
import { startCount } from '../db/stockCounts';
import { Button } from '../ui/Button';

interface StartCountProps {
  /** The shop's products; only the active ones whose stock is counted can be counted. */
  products: readonly LocalProduct[];
  startedBy: string;
  onError: (message: string) => void;
}

/** SC1: a full count (every counted product) or a cycle count (one category's). */
export function StartCount({ products, startedBy, onError }: StartCountProps) {
  const { t } = useTranslation();
  const id = useId();
  const countable = products.filter((product) => product.trackStock && product.isActive);
  const categories = [...new Set(countable.map((product) => product.category ?? ''))].filter(Boolean).sort();
  const [category, setCategory] = useState(categories[0] ?? '');

  function start(kind: 'full' | 'cycle') {
    const chosen = kind === 'full' ? countable : countable.filter((product) => product.category === category);
    startCount(kind, chosen, startedBy).catch(() => onError(t('counts.errors.startFailed')));
  }

  if (countable.length === 0) return <p className="text-sm text-slate-600">{t('counts.nothingToCount')}</p>;
  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={() => start('full')} data-testid="count-start-full">
        {t('counts.startFull', { count: countable.length })}
      </Button>
      {categories.length > 0 ? (
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
              {t('counts.category')}
            </label>
            <select
              id={id}
              value={category}
              onChange={(event) => setCategory(event.target.value)}
              data-testid="count-category"
              className="block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg text-slate-900"
            >
              {categories.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" onClick={() => start('cycle')} data-testid="count-start-cycle">
            {t('counts.startCycle')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
