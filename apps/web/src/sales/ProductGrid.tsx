import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRands, cents, priceHere } from '@opentill/domain';
import type { LocalProduct } from '../db';
import type { ProductMatches } from './productFilter';
import { StockFigure } from '../stock/StockFigure';
import { useCart } from './cartStore';

/**
 * A phone shows about 8 tiles above the cart, a tablet about 16; each one more costs render time on
 * every keystroke (issue 5). 20 fills whole rows of 2 and 4 columns; search narrows the rest.
 */
export const MAX_TILES = 20;

interface ProductGridProps {
  /** The products matching the search (the first MAX_TILES, best first) and how many match. */
  matches: ProductMatches;
  /** Whether the shop has any product at all (to word the empty state). */
  hasProducts: boolean;
  query: string;
  /** Records the sync going on has received, while the shop has no products here yet (a fresh phone); else null. */
  fetching: number | null;
  /** The stock this phone shows per product; tracked products show theirs. */
  stock: ReadonlyMap<string, number>;
}

/** Memoized: a scan or a change elsewhere in the finder renders it only when its results or counts change. */
export const ProductGrid = memo(function ProductGrid({
  matches,
  hasProducts,
  query,
  stock,
  fetching,
}: ProductGridProps) {
  const { t } = useTranslation();
  const lines = useCart((state) => state.cart.lines);

  if (matches.total === 0) {
    return (
      <p role="status" className="px-2 py-8 text-center text-slate-500">
        {hasProducts
          ? t('sales.noMatches', { query: query.trim() })
          : fetching !== null
            ? t('sales.fetchingProducts', { count: fetching })
            : t('sales.noProducts')}
      </p>
    );
  }
  const quantities = new Map<string, number>();
  for (const line of lines) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  const shown = matches.shown.slice(0, MAX_TILES);

  return (
    <>
      <ul className="grid grid-cols-2 gap-2 min-[520px]:grid-cols-3 md:grid-cols-4">
        {shown.map((product) => {
          const inCart = quantities.get(product.id) ?? 0;
          return (
            <ProductTile
              key={product.id}
              product={product}
              inCart={inCart}
              inCartLabel={inCart > 0 ? t('sales.inCart', { count: inCart }) : ''}
              onHand={product.trackStock ? (stock.get(product.id) ?? 0) : null}
            />
          );
        })}
      </ul>
      {matches.total > shown.length ? (
        <p className="py-3 text-center text-sm text-slate-500">
          {t('sales.moreResults', { shown: shown.length, total: matches.total })}
        </p>
      ) : null}
    </>
  );
});

interface ProductTileProps {
  product: LocalProduct;
  inCart: number;
  /** "2 in the sale", worded by the grid: a translation hook in each of 30 tiles costs every new set of results. */
  inCartLabel: string;
  /** The stock shown, for a tracked product. */
  onHand: number | null;
}

/** One tile; memoized, so ringing up a line re-renders only the tile whose count changed. */
const ProductTile = memo(function ProductTile({ product, inCart, inCartLabel, onHand }: ProductTileProps) {
  return (
    <li>
      <button
        type="button"
        onClick={() => useCart.getState().add(product)}
        data-testid="product-tile"
        data-product-name={product.name}
        className={`relative flex min-h-20 w-full flex-col justify-between rounded-xl bg-white p-3 text-left shadow-sm ring-1 select-none active:bg-brand-50 ${
          inCart > 0 ? 'ring-2 ring-brand-600' : 'ring-slate-200'
        }`}
      >
        <span className={`line-clamp-3 text-sm leading-snug font-medium text-slate-900 ${inCart > 0 ? 'pr-6' : ''}`}>
          {product.name}
        </span>
        <span className="mt-1 font-semibold text-brand-800" data-testid="product-tile-price">
          {formatRands(cents(priceHere(product)))}
        </span>
        {onHand === null ? null : (
          <span className="mt-0.5">
            <StockFigure onHand={onHand} />
          </span>
        )}
        {inCart > 0 ? (
          <span
            aria-label={inCartLabel}
            className="absolute top-1.5 right-1.5 flex min-w-6 items-center justify-center rounded-full bg-brand-700 px-1.5 text-xs font-bold text-white"
          >
            {inCart}
          </span>
        ) : null}
      </button>
    </li>
  );
});
