import { AddProductForm } from './AddProductForm';
import { ProductList } from './ProductList';

export function ProductsScreen() {
  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        <AddProductForm />
        <ProductList />
      </div>
    </div>
  );
}
