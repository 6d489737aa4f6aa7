import { useCallback, useEffect, useState } from 'react';
import type { PurchaseOrder, Supplier } from '@opentill/domain';
import { cachePurchaseOrders, cachedPurchaseOrders } from '../db/purchaseOrders';
import { useOnline } from '../ui/useOnline';
import { fetchPurchaseOrders, fetchSuppliers } from './suppliersApi';

export interface SuppliersState {
  suppliers: Supplier[] | null;
  orders: PurchaseOrder[] | null;
  failed: boolean;
  reload: () => void;
  /** Puts an order the server just answered with in the list (and the phone's copy). */
  replaceOrder: (order: PurchaseOrder) => void;
}

/**
 * The shop's suppliers and orders, read while online and again on `reload`. The
 * orders are kept on the phone too, so they can be received against offline (PO5).
 */
export function useSuppliersAndOrders(): SuppliersState {
  const online = useOnline();
  const [suppliers, setSuppliers] = useState<Supplier[] | null>(null);
  const [orders, setOrders] = useState<PurchaseOrder[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    if (!online) {
      void cachedPurchaseOrders().then((cached) => {
        if (current && cached) setOrders((shown) => shown ?? cached);
      });
      return () => {
        current = false;
      };
    }
    void Promise.all([fetchSuppliers(), fetchPurchaseOrders()]).then(async ([supplierAnswer, orderAnswer]) => {
      if (!current) return;
      setFailed(!supplierAnswer.ok || !orderAnswer.ok);
      if (supplierAnswer.ok) setSuppliers(supplierAnswer.value);
      if (orderAnswer.ok) {
        setOrders(orderAnswer.value);
        await cachePurchaseOrders(orderAnswer.value);
      } else {
        const cached = await cachedPurchaseOrders();
        if (current && cached) setOrders((shown) => shown ?? cached);
      }
    });
    return () => {
      current = false;
    };
  }, [online, round]);

  const replaceOrder = useCallback((order: PurchaseOrder) => {
    setOrders((shown) => {
      const next = shown?.some((candidate) => candidate.id === order.id)
        ? shown.map((candidate) => (candidate.id === order.id ? order : candidate))
        : [order, ...(shown ?? [])];
      void cachePurchaseOrders(next);
      return next;
    });
  }, []);

  return { suppliers, orders, failed, reload, replaceOrder };
}
