import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder, Supplier } from '@opentill/domain';
import type { LocalProduct } from '../db/database';
import { parseQuantity } from '../stock/quantity';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { createPurchaseOrder } from './suppliersApi';
import { suppliersFailureMessage } from './suppliersFailureMessage';

const MATCHES_SHOWN = 6;

interface OrderLineDraft {
  productId: string;
  name: string;
  quantity: number;
}

interface NewOrderFormProps {
  suppliers: readonly Supplier[];
  products: readonly LocalProduct[];
  onCreated: (order: PurchaseOrder) => void;
  onCancel: () => void;
}

/**
 * A new purchase order (PO2), online: the supplier, then products from the
 * catalogue with their units, one line per product (adding one again adds to its
 * line). The unit cost is the product's; the order goes to this till's branch.
 */
export function NewOrderForm({ suppliers, products, onCreated, onCancel }: NewOrderFormProps) {
  const { t } = useTranslation();
  const active = suppliers.filter((supplier) => supplier.active);
  const [supplierId, setSupplierId] = useState(active[0]?.id ?? '');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<LocalProduct | null>(null);
  const [quantityText, setQuantityText] = useState('');
  const [lines, setLines] = useState<OrderLineDraft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const matches = useMemo(() => {
    const wanted = query.trim().toLocaleLowerCase('en-ZA');
    if (!wanted) return [];
    return products
      .filter((product) => product.isActive)
      .filter((product) => product.name.toLocaleLowerCase('en-ZA').includes(wanted) || product.barcode === wanted)
      .slice(0, MATCHES_SHOWN);
  }, [products, query]);

  function addLine() {
    const quantity = parseQuantity(quantityText, 1);
    if (!picked || quantity === null) {
      setProblem(t(picked ? 'stock.errors.quantity' : 'suppliers.errors.pickProduct'));
      return;
    }
    const known = lines.find((line) => line.productId === picked.id);
    setLines(
      known
        ? lines.map((line) => (line === known ? { ...line, quantity: line.quantity + quantity } : line))
        : [...lines, { productId: picked.id, name: picked.name, quantity }],
    );
    setPicked(null);
    setQuery('');
    setQuantityText('');
    setProblem(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!supplierId || lines.length === 0) {
      setProblem(t(supplierId ? 'suppliers.errors.noLines' : 'suppliers.errors.pickSupplier'));
      return;
    }
    setBusy(true);
    const answer = await createPurchaseOrder({
      supplierId,
      lines: lines.map(({ productId, quantity }) => ({ productId, quantity })),
    });
    setBusy(false);
    if (answer.ok) onCreated(answer.value);
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
      {picked ? (
        <p className="text-sm text-slate-700" data-testid="order-picked">
          {picked.name}
        </p>
      ) : (
        <>
          <Field
            label={t('suppliers.orders.product')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            data-testid="order-product-search"
          />
          {matches.length > 0 ? (
            <ul className="flex flex-col gap-1">
              {matches.map((product) => (
                <li key={product.id}>
                  <button
                    type="button"
                    onClick={() => setPicked(product)}
                    className="w-full rounded-lg bg-slate-100 px-3 py-2 text-left text-sm"
                    data-testid="order-product-match"
                  >
                    {product.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div className="grid grid-cols-[1fr_auto] items-end gap-2">
        <Field
          label={t('suppliers.orders.quantity')}
          value={quantityText}
          onChange={(event) => setQuantityText(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          data-testid="order-quantity"
        />
        <Button variant="secondary" onClick={addLine} data-testid="order-add-line">
          {t('suppliers.orders.addLine')}
        </Button>
      </div>
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
