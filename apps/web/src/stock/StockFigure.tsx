import { useTranslation } from 'react-i18next';

/** "12 in stock", in red from zero down: the shelf is (or may be) empty. */
export function StockFigure({ onHand }: { onHand: number }) {
  const { t } = useTranslation();
  const out = onHand <= 0;
  return (
    <span
      data-testid="stock-figure"
      data-on-hand={onHand}
      className={`inline-block rounded-md px-1.5 py-0.5 text-xs font-medium tabular-nums ${
        out ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-600'
      }`}
    >
      {t('stock.inStock', { count: onHand })}
    </span>
  );
}
