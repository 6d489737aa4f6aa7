import { useState } from 'react';
import { useLiveProducts } from '../db';
import { AddProductForm } from './AddProductForm';
import { EditProductForm } from './EditProductForm';
import { ProductList } from './ProductList';

/** Add products, and tap one to edit or delete it. */
export function ProductsScreen() {
  const products = useLiveProducts();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A product deleted meanwhile (by a pull) closes its form.
  const editing = editingId === null ? undefined : products?.find((product) => product.id === editingId);

  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        {editing ? (
          <EditProductForm
            key={editing.id}
            product={editing}
            onDone={(message) => {
              setEditingId(null);
              setNotice(message);
            }}
          />
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
