import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '@opentill/domain';
import type { LocalProduct } from '../db/database';
import { useLivePendingOrderReceipts } from '../db/purchaseOrders';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { OrderForm } from './OrderForm';
import { OrderDetail } from './OrderDetail';
import type { SupplierAccess } from './suppliersAccess';
import { SupplierSection } from './SupplierSection';
import { useSuppliersAndOrders } from './useSuppliersAndOrders';

interface SuppliersPanelProps {
  products: readonly LocalProduct[];
  access: SupplierAccess;
  /** Whether this person may receive stock (`stock:receive`). */
  receive: boolean;
}

type View =
  | { kind: 'orders' }
  | { kind: 'suppliers' }
  | { kind: 'newOrder' }
  | { kind: 'order'; id: string }
  | { kind: 'editOrder'; id: string };

/**
 * "Suppliers & orders" on the Products screen (SPEC PO), its own lazy chunk:
 * closed until opened, so the Products tab fetches nothing for it. Orders and
 * suppliers are managed online; receiving against an order works offline.
 */
export default function SuppliersPanel({ products, access, receive }: SuppliersPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section
      data-testid="suppliers-panel"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      {open ? (
        <OpenPanel products={products} access={access} receive={receive} onClose={() => setOpen(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)} data-testid="suppliers-open">
          {t('suppliers.open')}
        </Button>
      )}
    </section>
  );
}

function OpenPanel({ products, access, receive, onClose }: SuppliersPanelProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { suppliers, orders, failed, reload, replaceOrder } = useSuppliersAndOrders();
  const pending = useLivePendingOrderReceipts();
  useReloadWhenDelivered(pending, reload);
  const [view, setView] = useState<View>({ kind: 'orders' });
  const [notice, setNotice] = useState<string | null>(null);
  const opened =
    view.kind === 'order' || view.kind === 'editOrder' ? orders?.find((order) => order.id === view.id) : undefined;

  const tab = (kind: 'orders' | 'suppliers') => {
    const chosen = kind === 'suppliers' ? view.kind === 'suppliers' : view.kind !== 'suppliers';
    return (
      <button
        type="button"
        onClick={() => {
          setNotice(null);
          setView({ kind });
        }}
        aria-pressed={chosen}
        className={`min-h-11 rounded-lg px-3 font-semibold text-brand-800 ${chosen ? 'bg-brand-50' : ''}`}
        data-testid={`suppliers-tab-${kind}`}
      >
        {t(`suppliers.tabs.${kind}`)}
      </button>
    );
  };

  return (
    <>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-bold text-slate-900">{t('suppliers.title')}</h2>
        <Button variant="ghost" onClick={onClose}>
          {t('suppliers.close')}
        </Button>
      </div>
      {!online ? <p className="text-sm text-amber-900">{t('suppliers.offline')}</p> : null}
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {t('suppliers.errors.loadFailed')}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-brand-800" data-testid="suppliers-notice">
          {notice}
        </p>
      ) : null}
      <div className="flex gap-2">
        {tab('orders')}
        {tab('suppliers')}
      </div>
      {view.kind === 'suppliers' ? (
        <SupplierSection
          suppliers={suppliers}
          manage={access.manage}
          online={online}
          onSaved={(message) => {
            setNotice(message);
            reload();
          }}
        />
      ) : view.kind === 'newOrder' || (view.kind === 'editOrder' && opened) ? (
        <OrderForm
          suppliers={suppliers ?? []}
          products={products}
          {...(opened ? { order: opened } : {})}
          onSaved={(order) => {
            replaceOrder(order);
            if (!opened) setNotice(t('suppliers.orders.created', { number: order.number }));
            setView({ kind: 'order', id: order.id });
          }}
          onCancel={() => setView(opened ? { kind: 'order', id: opened.id } : { kind: 'orders' })}
        />
      ) : opened ? (
        <OrderDetail
          order={opened}
          pending={pending?.get(opened.id)}
          manage={access.manage}
          receive={receive}
          online={online}
          onChanged={replaceOrder}
          onEdit={() => setView({ kind: 'editOrder', id: opened.id })}
          onBack={() => {
            setView({ kind: 'orders' });
            reload();
          }}
        />
      ) : (
        <OrderList
          orders={orders}
          pending={pending}
          onOpen={(order) => {
            setNotice(null);
            setView({ kind: 'order', id: order.id });
          }}
          onNew={
            access.manage && online
              ? () => {
                  setNotice(null);
                  setView({ kind: 'newOrder' });
                }
              : undefined
          }
        />
      )}
    </>
  );
}

function OrderList({
  orders,
  pending,
  onOpen,
  onNew,
}: {
  orders: readonly PurchaseOrder[] | null;
  pending: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined;
  onOpen: (order: PurchaseOrder) => void;
  onNew: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-2">
      {onNew ? (
        <Button variant="secondary" onClick={onNew} data-testid="order-new">
          {t('suppliers.orders.new')}
        </Button>
      ) : null}
      {orders && orders.length === 0 ? <p className="text-sm text-slate-600">{t('suppliers.orders.empty')}</p> : null}
      <ul className="divide-y divide-slate-100">
        {(orders ?? []).map((order) => {
          const here = pending?.get(order.id);
          const toCome = order.lines.reduce(
            (sum, line) =>
              sum + Math.max(0, line.quantityOrdered - line.quantityReceived - (here?.get(line.productId) ?? 0)),
            0,
          );
          return (
            <li key={order.id}>
              <button
                type="button"
                onClick={() => onOpen(order)}
                className="flex w-full items-center justify-between gap-2 py-2 text-left"
                data-testid="order-row"
                data-number={order.number}
                data-status={order.status}
              >
                <span className="min-w-0">
                  <span className="block truncate font-semibold">
                    {order.number} · {order.supplier.name}
                  </span>
                  <span className="block text-sm text-slate-500">
                    {t(`suppliers.status.${order.status}`)}
                    {order.status === 'sent' || order.status === 'part_received'
                      ? ` · ${t('suppliers.orders.outstanding', { count: toCome })}`
                      : ''}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Reads the orders again once deliveries queued on this phone have gone to the server: until then the screen adds
 * them to the server's counts; after, only the server's new counts show them.
 */
function useReloadWhenDelivered(
  pending: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
  reload: () => void,
) {
  let units = 0;
  for (const lines of pending?.values() ?? []) for (const quantity of lines.values()) units += quantity;
  const before = useRef(units);
  useEffect(() => {
    if (units < before.current) reload();
    before.current = units;
  }, [units, reload]);
}
