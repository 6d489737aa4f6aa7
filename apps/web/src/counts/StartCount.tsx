import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalProduct } from '../db';
import { startCount } from '../db/stockCounts';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';

interface StartCountProps {
  /** The shop's products; only the active ones whose stock is counted can be counted. */
  products: readonly LocalProduct[];
  startedBy: string;
  onError: (message: string) => void;
}

/** SC1: a full count (every counted product) or a cycle count (one category's). */
export function StartCount({ products, startedBy, onError }: StartCountProps) {
  const { t } = useTranslation();
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
          <SelectField
            label={t('counts.category')}
            value={category}
            onChange={setCategory}
            testId="count-category"
            className="min-w-0 flex-1"
          >
            {categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <Button variant="secondary" onClick={() => start('cycle')} data-testid="count-start-cycle">
            {t('counts.startCycle')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
