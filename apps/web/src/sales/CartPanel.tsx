import { Suspense, lazy, memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cartTotals, cents, formatRands, lineTotal } from '@opentill/domain';
import { loadLaterStrings } from '../i18n';
import { MinusIcon, PlusIcon } from '../ui/icons';
import { useCart, type CartLine } from './cartStore';
import { CartRefusal } from './CartRefusal';
import { ParkedSales } from './ParkedSales';

// The line editor (and its manager approval) loads on the first tap on a line, with its strings: the
// first screen's budget.
const LineEditor = lazy(async () => {
  const [module] = await Promise.all([import('./LineEditor'), loadLaterStrings()]);
  return { default: module.LineEditor };
});

/** The sale being rung up: lines with − / +, a tap on a line to change it, and the running total. */
export function CartPanel() {
  const { t } = useTranslation();
  const lines = useCart((state) => state.cart.lines);
  const clear = useCart((state) => state.clear);
  const [editing, setEditing] = useState<string | null>(null);
  const editedLine = lines.find((line) => line.lineId === editing);

  return (
    <section aria-label={t('sales.cartTitle')} className="border-t border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-2 px-3 pt-2">
        <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t('sales.cartTitle')}</h2>
        <div className="flex items-center">
          <ParkedSales />
          {lines.length > 0 ? (
            <button
              type="button"
              onClick={clear}
              data-testid="clear-cart"
              className="min-h-11 px-2 text-sm font-medium text-slate-500"
            >
              {t('sales.clearCart')}
            </button>
          ) : null}
        </div>
      </div>
      <CartRefusal />
      {lines.length === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-500">{t('sales.cartEmpty')}</p>
      ) : (
        <ul className="max-h-44 overflow-y-auto px-3">
          {lines.map((line) => (
            <CartLineRow key={line.lineId} line={line} onEdit={setEditing} />
          ))}
        </ul>
      )}
      <div className="flex items-baseline justify-between px-3 pt-1 pb-2">
        <span className="font-medium text-slate-600">{t('sales.total')}</span>
        <span data-testid="cart-total" className="text-2xl font-bold text-slate-900 tabular-nums">
          {formatRands(cartTotals(lines).total)}
        </span>
      </div>
      {editedLine ? (
        <Suspense fallback={null}>
          <LineEditor line={editedLine} onClose={() => setEditing(null)} />
        </Suspense>
      ) : null}
    </section>
  );
}

/**
 * One line of the sale. Memoized: a cart command returns the lines it did not touch as they were,
 * so a scan renders the new line only, not the 60 before it.
 */
const CartLineRow = memo(function CartLineRow({ line, onEdit }: { line: CartLine; onEdit: (lineId: string) => void }) {
  const { t } = useTranslation();
  return (
    <li data-testid="cart-line" className="flex items-center gap-1.5 border-b border-slate-100 py-1 last:border-0">
      <button
        type="button"
        onClick={() => onEdit(line.lineId)}
        aria-label={t('sales.line.edit', { name: line.name })}
        data-testid="cart-line-edit"
        className="min-w-0 flex-1 text-left"
      >
        <span className="line-clamp-2 text-sm leading-tight font-medium text-slate-900">{line.name}</span>
        <span className="block text-xs text-slate-500">
          {line.weight
            ? t('sales.line.weighed', {
                kg: (line.weight.grams / 1000).toFixed(3),
                perKg: formatRands(cents(line.weight.pricePerKg)),
              })
            : formatRands(cents(line.price))}
          {line.override ? (
            <span className="ml-1 text-amber-700">
              {t('sales.line.overridden', { list: formatRands(cents(line.override.listPrice)) })}
            </span>
          ) : null}
        </span>
        {line.note ? <span className="block truncate text-xs text-slate-500 italic">{line.note}</span> : null}
      </button>
      {line.weight ? null : (
        <div className="flex items-center">
          <button
            type="button"
            onClick={() => useCart.getState().setQuantity(line.lineId, line.quantity - 1)}
            aria-label={t('sales.decrease', { name: line.name })}
            data-testid="cart-line-minus"
            className="flex size-11 items-center justify-center rounded-lg text-brand-800 active:bg-brand-50"
          >
            <MinusIcon />
          </button>
          <span className="w-7 text-center font-semibold tabular-nums">{line.quantity}</span>
          <button
            type="button"
            onClick={() => useCart.getState().setQuantity(line.lineId, line.quantity + 1)}
            aria-label={t('sales.increase', { name: line.name })}
            data-testid="cart-line-plus"
            className="flex size-11 items-center justify-center rounded-lg text-brand-800 active:bg-brand-50"
          >
            <PlusIcon />
          </button>
        </div>
      )}
      <span className="w-20 text-right text-sm font-semibold tabular-nums">{formatRands(lineTotal(line))}</span>
    </li>
  );
});
