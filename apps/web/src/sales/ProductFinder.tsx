import { Suspense, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue, useLiveExpiredUnits, useLiveStockShown } from '../db';
import { Button } from '../ui/Button';
import { LazyCameraScanner } from '../scanning/LazyCameraScanner';
import { useWedgeScanner } from '../scanning/useWedgeScanner';
import { ScanIcon, SearchIcon } from '../ui/icons';
import { MAX_TILES, ProductGrid } from './ProductGrid';
import { useCart } from './cartStore';
import { ALL_SHELF, buildProductSearch, searchProducts, type Shelf } from './productFilter';
import { ShelfChips } from './ShelfChips';
import { barcodeIndex, productForCode } from './scanLookup';
import { useSyncStatus } from '../sync/syncStatus';

/**
 * The search box, the scanners, the shelves (favourites, categories) and the grid. The query lives here, not in the
 * sale screen, so a keystroke re-renders this part only: the cart and the Pay
 * button do not render again for every letter typed.
 */
export function ProductFinder() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [shelf, setShelf] = useState<Shelf>(ALL_SHELF);
  const inputRef = useRef<HTMLInputElement>(null);
  const products = useCatalogue();
  const stock = useLiveStockShown();
  // Subscribed while the till sells, so the cart's expiry check (BT2) reads today's batches.
  useLiveExpiredUnits();
  const search = useMemo(() => buildProductSearch(products ?? []), [products]);
  const matches = useMemo(() => searchProducts(search, query, MAX_TILES, shelf), [search, query, shelf]);
  const byBarcode = useMemo(() => barcodeIndex(products ?? []), [products]);
  // A fresh phone's first pull: how far it has come, instead of "no products yet".
  const fetching = useSyncStatus((status) => (products?.length ? null : status.pulledRecords));

  const [cameraOpen, setCameraOpen] = useState(false);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);

  /** Rings up a scanned code (a scale label's weight or price too); says so when no product has it. */
  function ringUp(code: string): boolean {
    const scanned = productForCode(byBarcode, code);
    setUnknownCode(scanned ? null : code.trim());
    return scanned ? useCart.getState().add(scanned.product, scanned.options) : false;
  }
  // A wedge scanner anywhere on the screen; typed into the box it arrives through the form below.
  useWedgeScanner(ringUp, { enabled: !cameraOpen });

  // The box ends with Enter: a scanned code, or the only match, and the box clears for the next.
  // It reads the box itself: a scanner's Enter can come before React has rendered its last digit.
  function onSearchSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = inputRef.current?.value ?? query;
    let added = false;
    if (productForCode(byBarcode, typed)) added = ringUp(typed);
    else {
      const { only } = searchProducts(search, typed, 1);
      if (only) added = useCart.getState().add(only);
    }
    if (added) setQuery('');
  }

  return (
    <>
      <form role="search" onSubmit={onSearchSubmit} className="flex gap-2 px-3 pt-3 pb-2">
        <label className="relative block flex-1">
          <span className="sr-only">{t('sales.searchLabel')}</span>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400" />
          <input
            ref={inputRef}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('sales.searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
            data-testid="product-search"
            className="block min-h-12 w-full rounded-xl border border-slate-300 bg-white pr-3 pl-10 text-base outline-none placeholder:text-slate-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
          />
        </label>
        <Button
          variant="secondary"
          onClick={() => setCameraOpen(true)}
          aria-label={t('scanning.open')}
          data-testid="open-camera"
          className="w-12 px-0"
        >
          <ScanIcon />
        </Button>
      </form>
      <ShelfChips categories={search.categories} hasFavourites={search.hasFavourites} shelf={shelf} onPick={setShelf} />
      {unknownCode ? (
        <p
          role="alert"
          data-testid="scan-unknown"
          className="mx-3 mb-1 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('sales.scanUnknown', { code: unknownCode })}
        </p>
      ) : null}
      {cameraOpen ? (
        <Suspense fallback={null}>
          <LazyCameraScanner onScan={ringUp} onClose={() => setCameraOpen(false)} />
        </Suspense>
      ) : null}
      {/* data-query: the query whose results are on screen (the till bench waits for it). */}
      <div data-testid="product-results" data-query={query} className="min-h-0 flex-1 overflow-y-auto px-3 pb-3">
        {products === undefined || stock === undefined ? null : (
          <ProductGrid
            matches={matches}
            hasProducts={products.length > 0}
            query={query}
            stock={stock}
            fetching={fetching}
          />
        )}
      </div>
    </>
  );
}
