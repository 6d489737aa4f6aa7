import { useTranslation } from 'react-i18next';
import { cents, formatRands, priceHere } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { StockFigure } from '../stock/StockFigure';

interface ProductListProps {
  products: readonly LocalProduct[] | undefined;
  /** The stock this phone shows per product; tracked products show theirs. */
  stock: ReadonlyMap<string, number>;
  /** Absent: the rows only show (the person acting may not change products or stock). */
  onEdit?: ((id: string) => void) | undefined;
}

/**
 * Every product, inactive ones too (greyed, marked "Inactive": the till hides them, SPEC CA6);
 * tapping one opens it for editing, when the person acting may. The cost never shows here.
 */
export function ProductList({ products, stock, onEdit }: ProductListProps) {
  const { t } = useTranslation();
  if (products === undefined) return null;

  return (
    <section>
      <h2 className="mb-2 px-1 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        {t('products.count', { count: products.length })}
      </h2>
      {products.length === 0 ? <p className="px-1 text-slate-500">{t('products.empty')}</p> : null}
      <ul
        data-testid="products-list"
        className={
          products.length > 0
            ? 'divide-y divide-slate-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200'
            : ''
        }
      >
        {products.map((product) => (
          <li
            key={product.id}
            data-testid="product-row"
            data-inactive={product.isActive ? undefined : true}
            className={product.isActive ? undefined : 'bg-slate-50 opacity-60'}
          >
            <button
              type="button"
              disabled={!onEdit}
              onClick={() => onEdit?.(product.id)}
              className="flex min-h-14 w-full items-center gap-3 px-4 py-3 text-left active:bg-slate-50 disabled:active:bg-transparent"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">{product.name}</p>
                <p className="truncate text-sm text-slate-500">
                  {[product.category, product.barcode].filter(Boolean).join(' · ')}
                </p>
                <div className="mt-0.5 flex gap-1">
                  {product.trackStock ? <StockFigure onHand={stock.get(product.id) ?? 0} /> : null}
                  {!product.isActive ? <Tag>{t('products.inactive')}</Tag> : null}
                  {product.schedule ? <Tag>{product.schedule}</Tag> : null}
                  {product.requiresPrescription ? <Tag>{t('products.prescriptionTag')}</Tag> : null}
                  {product.syncVersion === null ? <Tag>{t('products.notSynced')}</Tag> : null}
                </div>
              </div>
              <span className="shrink-0 text-right tabular-nums">
                <span className="block font-semibold text-slate-900">{formatRands(cents(priceHere(product)))}</span>
                {product.branchPrice === undefined ? null : (
                  <span className="block text-xs text-slate-500">
                    {t('products.shopPrice', { price: formatRands(product.price) })}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Tag({ children }: { children: string }) {
  return <span className="rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{children}</span>;
}
