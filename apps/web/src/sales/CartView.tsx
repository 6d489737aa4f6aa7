import { Suspense, lazy, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cartTotals, formatRands } from '@opentill/domain';
import { useCatalogue, useLiveStockShown } from '../db';
import { Button } from '../ui/Button';
import { loadLaterStrings } from '../i18n';
import { useWedgeScanner } from '../scanning/useWedgeScanner';
import { ShiftBar } from '../shifts/ShiftBar';
import { ScanIcon, SearchIcon } from '../ui/icons';
import { CartPanel } from './CartPanel';
import { ProductGrid } from './ProductGrid';
import { useCart } from './cartStore';
import { buildProductSearch, searchProducts } from './productFilter';
import { barcodeIndex, productForCode } from './scanLookup';
import { useSaleFlow } from './saleFlowStore';

// The camera and its decoder load only when a cashier opens them (the first screen's budget).
const CameraScanner = lazy(async () => {
  const [module] = await Promise.all([import('../scanning/CameraScanner'), loadLaterStrings()]);
  return module;
});

/** Search and grid on top, the cart below, and the Pay button where the thumb rests. */
export function CartView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const products = useCatalogue();
  const stock = useLiveStockShown();
  const search = useMemo(() => buildProductSearch(products ?? []), [products]);
  const matches = useMemo(() => searchProducts(search, query), [search, query]);
  const byBarcode = useMemo(() => barcodeIndex(products ?? []), [products]);
  const lines = useCart((state) => state.cart.lines);
  const add = useCart((state) => state.add);
  const startPayment = useSaleFlow((state) => state.startPayment);
  const total = cartTotals(lines).total;

  const [cameraOpen, setCameraOpen] = useState(false);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);

  /** Rings up a scanned code (a scale label's weight or price too); says so when no product has it. */
  function ringUp(code: string): boolean {
    const scanned = productForCode(byBarcode, code);
    setUnknownCode(scanned ? null : code.trim());
    return scanned ? add(scanned.product, scanned.options) : false;
  }
  // A wedge scanner anywhere on the screen; typed into the box it arrives through the form below.
  useWedgeScanner(ringUp, { enabled: !cameraOpen });

  // The box ends with Enter: a scanned code, or the only match, and the box clears for the next.
  function onSearchSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const [only] = matches;
    const added = productForCode(byBarcode, query) ? ringUp(query) : matches.length === 1 && only ? add(only) : false;
    if (added) setQuery('');
  }

  return (
    <div className="flex h-full flex-col">
      <ShiftBar />
      <form role="search" onSubmit={onSearchSubmit} className="flex gap-2 px-3 pt-3 pb-2">
        <label className="relative block flex-1">
          <span className="sr-only">{t('sales.searchLabel')}</span>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400" />
          <input
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
          <CameraScanner onScan={ringUp} onClose={() => setCameraOpen(false)} />
        </Suspense>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto px-3 pb-3">
        {products === undefined || stock === undefined ? null : (
          <ProductGrid matches={matches} hasProducts={products.length > 0} query={query} stock={stock} />
        )}
      </div>
      <CartPanel />
      <div className="border-t border-slate-200 bg-white px-3 py-2">
        <Button
          large
          disabled={lines.length === 0}
          onClick={startPayment}
          data-testid="pay-button"
          className="w-full text-xl"
        >
          {t('sales.pay', { amount: formatRands(total) })}
        </Button>
      </div>
    </div>
  );
}
