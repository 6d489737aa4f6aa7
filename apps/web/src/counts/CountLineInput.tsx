import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountLine } from '@opentill/domain';
import { recordCounted } from '../db/stockCounts';
import { parseQuantity } from '../stock/quantity';

/**
 * One product of the count: its name and the units counted, saved on Enter or on leaving the field. Blind
 * (SC2): the figure the phone shows is never displayed here.
 */
export function CountLineInput({ countId, line }: { countId: string; line: CountLine }) {
  const { t } = useTranslation();
  const [text, setText] = useState(line.counted === null ? '' : String(line.counted));
  const [invalid, setInvalid] = useState(false);

  function save() {
    if (text.trim() === '' && line.counted === null) return;
    const counted = parseQuantity(text, 0);
    setInvalid(counted === null);
    if (counted !== null && counted !== line.counted) void recordCounted(countId, line.productId, counted);
  }

  return (
    <li data-testid="count-line" data-counted={line.counted !== null} className="flex items-center gap-3 py-2">
      <span className="min-w-0 flex-1 truncate text-slate-900">{line.name}</span>
      <input
        aria-label={t('counts.countedOf', { name: line.name })}
        aria-invalid={invalid || undefined}
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
        data-testid="count-line-input"
        className={`min-h-12 w-24 rounded-xl border px-3 text-right text-lg tabular-nums ${
          invalid ? 'border-red-500' : line.counted === null ? 'border-slate-300' : 'border-brand-600 bg-brand-50'
        }`}
      />
    </li>
  );
}
