import { useTranslation } from 'react-i18next';
import { cents, formatRands, lineTotal, saleTotal } from '@opentill/domain';
import { MinusIcon, PlusIcon } from '../ui/icons';
import { useCart } from './cartStore';

/** The sale being rung up: lines with − / + and the running total. */
export function CartPanel() {
  const { t } = useTranslation();
  const lines = useCart((state) => state.lines);
  const increase = useCart((state) => state.increase);
  const decrease = useCart((state) => state.decrease);
  const clear = useCart((state) => state.clear);

  return (
    <section aria-label={t('sales.cartTitle')} className="border-t border-slate-200 bg-white">
      <div className="flex items-center justify-between px-3 pt-2">
        <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t('sales.cartTitle')}</h2>
        {lines.length > 0 ? (
          <button type="button" onClick={clear} className="min-h-11 px-2 text-sm font-medium text-slate-500">
            {t('sales.clearCart')}
          </button>
        ) : null}
      </div>
      {lines.length === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-500">{t('sales.cartEmpty')}</p>
      ) : (
        <ul className="max-h-44 overflow-y-auto px-3">
          {lines.map((line) => (
            <li
              key={line.productId}
              data-testid="cart-line"
              className="flex items-center gap-1.5 border-b border-slate-100 py-1 last:border-0"
            >
              <div className="min-w-0 flex-1">
                <p className="line-clamp-2 text-sm leading-tight font-medium text-slate-900">{line.name}</p>
                <p className="text-xs text-slate-500">{formatRands(cents(line.price))}</p>
              </div>
              <div className="flex items-center">
                <button
                  type="button"
                  onClick={() => decrease(line.productId)}
                  aria-label={t('sales.decrease', { name: line.name })}
                  data-testid="cart-line-minus"
                  className="flex size-11 items-center justify-center rounded-lg text-brand-800 active:bg-brand-50"
                >
                  <MinusIcon />
                </button>
                <span className="w-7 text-center font-semibold tabular-nums">{line.quantity}</span>
                <button
                  type="button"
                  onClick={() => increase(line.productId)}
                  aria-label={t('sales.increase', { name: line.name })}
                  data-testid="cart-line-plus"
                  className="flex size-11 items-center justify-center rounded-lg text-brand-800 active:bg-brand-50"
                >
                  <PlusIcon />
                </button>
              </div>
              <span className="w-20 text-right text-sm font-semibold tabular-nums">{formatRands(lineTotal(line))}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-baseline justify-between px-3 pt-1 pb-2">
        <span className="font-medium text-slate-600">{t('sales.total')}</span>
        <span data-testid="cart-total" className="text-2xl font-bold text-slate-900 tabular-nums">
          {formatRands(saleTotal(lines))}
        </span>
      </div>
    </section>
  );
}
