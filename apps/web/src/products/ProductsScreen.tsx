import { useState } from 'react';
import { useLiveProducts, useLiveStockShown } from '../db';
import { StockPanel } from '../stock/StockPanel';
import { AddProductForm } from './AddProductForm';
import { EditProductForm } from './EditProductForm';
import { ProductList } from './ProductList';

const NO_STOCK: ReadonlyMap<string, number> = new Map();

/** Add products, and tap one to edit or delete it, or to receive or count its stock. */
export function ProductsScreen() {
  const products = useLiveProducts();
  const stock = useLiveStockShown() ?? NO_STOCK;
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A product deleted meanwhile (by a pull) closes its form.
  const editing = editingId === null ? undefined : products?.find((product) => product.id === editingId);

  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        {editing ? (
          <>
            <EditProductForm
              key={editing.id}
              product={editing}
              onDone={(message) => {
                setEditingId(null);
                setNotice(message);
              }}
            />
            {editing.trackStock ? (
              <StockPanel key={editing.id} product={editing} onHand={stock.get(editing.id) ?? 0} />
            ) : null}
          </>
        ) : (
          <>
            {notice ? (
              <p role="status" className="px-1 text-sm text-brand-800">
                {notice}
              </p>
            ) : null}
            <AddProductForm />
            <ProductList
              products={products}
              stock={stock}
              onEdit={(id) => {
                setNotice(null);
                setEditingId(id);
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}
