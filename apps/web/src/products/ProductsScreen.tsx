import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue, useLiveActingUser, useLiveStockShown } from '../db';
import { useNavigation } from '../shell/navigationStore';
import { StockPanel } from '../stock/StockPanel';
import { AddProductForm } from './AddProductForm';
import { EditProductForm } from './EditProductForm';
import { ProductList } from './ProductList';
import { supplierAccessOf } from '../suppliers/suppliersAccess';
import { mayOpenProducts, productAccessOf } from './productAccess';

const NO_STOCK: ReadonlyMap<string, number> = new Map();

// CSV import and export: its own chunk, loaded only for people who may edit products.
const CsvPanel = lazy(() => import('./import/CsvPanel'));
// Transfers between branches: likewise, for people who may move stock between branches.
const TransfersPanel = lazy(() => import('../transfers/TransfersPanel'));
// A product's own price per branch (online only): for people who may change prices.
const BranchPricesPanel = lazy(() => import('./BranchPricesPanel'));
// Stock at every branch (online only): for people who may see stock.
const BranchStockPanel = lazy(() => import('../stock/BranchStockPanel'));
// Stock counts (full or cycle, blind, approved): for people who may count.
const CountsPanel = lazy(() => import('../counts/CountsPanel'));
// Suppliers and purchase orders: likewise, for people who manage suppliers or receive their deliveries.
const SuppliersPanel = lazy(() => import('../suppliers/SuppliersPanel'));

/** Add products, and tap one to edit or delete it, or to receive or count its stock. */
export function ProductsScreen() {
  const { t } = useTranslation();
  const products = useCatalogue();
  const role = useLiveActingUser()?.role ?? null;
  const access = productAccessOf(role);
  const supplierAccess = supplierAccessOf(role);
  const stock = useLiveStockShown() ?? NO_STOCK;
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A product another screen asked for (a stock alert tapped in the notification centre) shows until
  // the person opens another or goes back, if they may open products.
  const requested = useNavigation((state) => state.productToOpen);
  const takeRequested = useNavigation((state) => state.takeProduct);
  const openedId = requested !== null && mayOpenProducts(access) ? requested : editingId;
  const open = (id: string | null) => {
    takeRequested();
    setEditingId(id);
  };
  // A product deleted meanwhile (by a pull) closes its form.
  const editing = openedId === null ? undefined : products?.find((product) => product.id === openedId);

  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        {editing ? (
          <>
            {access.write ? (
              <EditProductForm
                key={editing.id}
                product={editing}
                onDone={(message) => {
                  open(null);
                  setNotice(message);
                }}
              />
            ) : (
              <ProductHeader name={editing.name} onBack={() => open(null)} />
            )}
            {access.write && editing.syncVersion !== null ? (
              <Suspense fallback={null}>
                <BranchPricesPanel key={editing.id} product={editing} />
              </Suspense>
            ) : null}
            {editing.trackStock ? (
              <StockPanel key={editing.id} product={editing} onHand={stock.get(editing.id) ?? 0} access={access} />
            ) : null}
            {editing.trackStock && access.read && editing.syncVersion !== null ? (
              <Suspense fallback={null}>
                <BranchStockPanel key={editing.id} productId={editing.id} />
              </Suspense>
            ) : null}
          </>
        ) : (
          <>
            {notice ? (
              <p role="status" className="px-1 text-sm text-brand-800">
                {notice}
              </p>
            ) : null}
            {access.write ? (
              <>
                <AddProductForm />
                {products ? (
                  <Suspense fallback={null}>
                    <CsvPanel products={products} stock={stock} />
                  </Suspense>
                ) : null}
              </>
            ) : (
              <p data-testid="products-read-only" className="px-1 text-sm text-slate-600">
                {t('products.readOnly')}
              </p>
            )}
            {access.count && products ? (
              <Suspense fallback={null}>
                <CountsPanel products={products} />
              </Suspense>
            ) : null}
            {access.transfer && products ? (
              <Suspense fallback={null}>
                <TransfersPanel products={products} stock={stock} />
              </Suspense>
            ) : null}
            {supplierAccess.see && products ? (
              <Suspense fallback={null}>
                <SuppliersPanel products={products} access={supplierAccess} receive={access.receive} />
              </Suspense>
            ) : null}
            <ProductList
              products={products}
              stock={stock}
              onEdit={
                mayOpenProducts(access)
                  ? (id) => {
                      setNotice(null);
                      open(id);
                    }
                  : undefined
              }
            />
          </>
        )}
      </div>
    </div>
  );
}

/** A product opened for its stock only, by someone who may not edit it. */
function ProductHeader({ name, onBack }: { name: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="flex items-center justify-between gap-2 px-1">
      <h2 className="min-w-0 truncate text-lg font-bold text-slate-900">{name}</h2>
      <button type="button" onClick={onBack} className="min-h-11 px-3 font-semibold text-brand-700">
        {t('products.back')}
      </button>
    </div>
  );
}
