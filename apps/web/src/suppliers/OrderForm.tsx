import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder, Supplier } from '@opentill/domain';
import type { LocalProduct } from '../db/database';
import { ProductLinePicker } from '../stock/ProductLinePicker';
import { Button } from '../ui/Button';
import { changePurchaseOrder, createPurchaseOrder } from './suppliersApi';
import { suppliersFailureMessage } from './suppliersFailureMessage';

interface OrderLineDraft {
  productId: string;
  name: string;
  quantity: number;
  /** Kept from the draft being edited; a new line takes the product's cost. */
  unitCost?: number | null;
}

interface OrderFormProps {
  suppliers: readonly Supplier[];
  products: readonly LocalProduct[];
  /** The draft being edited; absent: a new order. */
  order?: PurchaseOrder;
  onSaved: (order: PurchaseOrder) => void;
  onCancel: () => void;
}

/**
 * A new purchase order (PO2), or a draft's change (PO3), online: the supplier,
 * then products from the catalogue with their units, one line per product
 * (adding one again adds to its line). A new line's unit cost is the product's;
 * a new order goes to this till's branch.
 */
export function OrderForm({ suppliers, products, order, onSaved, onCancel }: OrderFormProps) {
  const { t } = useTranslation();
  const active = suppliers.filter((supplier) => supplier.active);
  const [supplierId, setSupplierId] = useState(order?.supplier.id ?? active[0]?.id ?? '');
  const [lines, setLines] = useState<OrderLineDraft[]>(
    order?.lines.map(({ productId, name, quantityOrdered, unitCost }) => ({
      productId,
      name,
      quantity: quantityOrdered,
      unitCost,
    })) ?? [],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const orderable = useMemo(() => products.filter((product) => product.isActive), [products]);

  /** Adding a product again adds to its line: one line per product (PO2). */
  function addLine(product: LocalProduct, quantity: number) {
    const known = lines.find((line) => line.productId === product.id);
    setLines(
      known
        ? lines.map((line) => (line === known ? { ...line, quantity: line.quantity + quantity } : line))
        : [...lines, { productId: product.id, name: product.name, quantity }],
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!supplierId || lines.length === 0) {
      setProblem(t(supplierId ? 'suppliers.errors.noLines' : 'suppliers.errors.pickSupplier'));
      return;
    }
    setBusy(true);
    const wanted = lines.map(({ productId, quantity, unitCost }) => ({
      productId,
      quantity,
      ...(unitCost === undefined ? {} : { unitCost }),
    }));
    const answer = order
      ? await changePurchaseOrder(order.id, { supplierId, lines: wanted })
      : await createPurchaseOrder({ supplierId, lines: wanted });
    setBusy(false);
    if (answer.ok) onSaved(answer.value);
    else setProblem(suppliersFailureMessage(answer.failure, t));
  }

  if (active.length === 0) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-600">{t('suppliers.orders.noSuppliers')}</p>
        <Button variant="secondary" onClick={onCancel}>
          {t('suppliers.orders.cancel')}
        </Button>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-3" data-testid="order-form">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t('suppliers.orders.supplier')}
        <select
          value={supplierId}
          onChange={(event) => setSupplierId(event.target.value)}
          className="min-h-12 rounded-xl border border-slate-300 bg-white px-3 text-lg"
          data-testid="order-supplier"
        >
          {active.map((supplier) => (
            <option key={supplier.id} value={supplier.id}>
              {supplier.name}
            </option>
          ))}
        </select>
      </label>
      <ProductLinePicker
        products={orderable}
        testIdPrefix="order"
        searchLabel={t('suppliers.orders.product')}
        quantityLabel={t('suppliers.orders.quantity')}
        addLabel={t('suppliers.orders.addLine')}
        pickFirst={t('suppliers.errors.pickProduct')}
        describe={(product) => product.name}
        onAdd={addLine}
        onProblem={setProblem}
      />
      {lines.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="order-lines">
          {lines.map((line) => (
            <li key={line.productId} className="flex items-center justify-between gap-2 py-1.5">
              <span>{t('suppliers.orders.line', { quantity: line.quantity, name: line.name })}</span>
              <button
                type="button"
                onClick={() => setLines(lines.filter((other) => other !== line))}
                className="min-h-11 px-2 text-sm font-semibold text-red-700"
              >
                {t('suppliers.orders.removeLine')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-700" data-testid="order-error">
          {problem}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t('suppliers.orders.cancel')}
        </Button>
        <Button type="submit" disabled={busy} data-testid="order-save">
          {busy ? t('suppliers.orders.saving') : t('suppliers.orders.save')}
        </Button>
      </div>
    </form>
  );
}
