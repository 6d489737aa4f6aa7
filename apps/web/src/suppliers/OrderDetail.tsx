import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mayCancelOrder,
  mayEditOrder,
  mayReceiveOrder,
  maySendOrder,
  shopDateOf,
  type PurchaseOrder,
} from '@opentill/domain';
import { useLiveSession } from '../db/live';
import { receiveStock } from '../db/receiving';
import { formatCalendarDate, formatDateTime } from '../i18n/format';
import { ReceiveForm } from '../stock/ReceiveForm';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { orderProgress, receivedOutside, type LineProgress } from './orderProgress';
import { orderDocument, orderWhatsappUrl, saveOrderPdf } from './sendOrder';
import { cancelPurchaseOrder, markPurchaseOrderSent } from './suppliersApi';
import { suppliersFailureMessage } from './suppliersFailureMessage';

interface OrderDetailProps {
  order: PurchaseOrder;
  /** This phone's deliveries against the order not yet sent, per product. */
  pending: ReadonlyMap<string, number> | undefined;
  manage: boolean;
  /** Whether this person may receive stock (`stock:receive`). */
  receive: boolean;
  online: boolean;
  onChanged: (order: PurchaseOrder) => void;
  /** Opens the draft's form (PO3). */
  onEdit: () => void;
  onBack: () => void;
}

/**
 * One purchase order (PO3–PO6): its lines with what arrived (this phone's queued
 * deliveries included) and what is still to come, what came outside it; send it
 * as a PDF or on WhatsApp, cancel it, and receive a line against it, offline too.
 */
export function OrderDetail(props: OrderDetailProps) {
  const { order, pending, manage, receive, online, onChanged, onBack } = props;
  const { t, i18n } = useTranslation();
  const session = useLiveSession();
  const [receiving, setReceiving] = useState<LineProgress | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const lines = orderProgress(order, pending);
  const outside = receivedOutside(order);
  const document = orderDocument(
    order,
    session?.tenant.businessName ?? '',
    formatCalendarDate(shopDateOf(new Date()), i18n.language),
    t,
  );

  async function markSent() {
    if (order.status !== 'draft') return;
    const answer = await markPurchaseOrderSent(order.id);
    if (answer.ok) onChanged(answer.value);
    else setStatus({ text: suppliersFailureMessage(answer.failure, t), failed: true });
  }

  async function savePdf() {
    setBusy(true);
    setStatus({ text: t('suppliers.detail.pdfMaking'), failed: false });
    try {
      await saveOrderPdf(document);
      setStatus(null);
      await markSent();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ text: t('suppliers.detail.pdfFailed', { message }), failed: true });
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    setBusy(true);
    const answer = await cancelPurchaseOrder(order.id);
    setBusy(false);
    setConfirmingCancel(false);
    if (answer.ok) onChanged(answer.value);
    else setStatus({ text: suppliersFailureMessage(answer.failure, t), failed: true });
  }

  async function receiveLine(line: LineProgress, quantity: number, lot: Parameters<typeof receiveStock>[2]) {
    await receiveStock(line.productId, quantity, lot, order.id);
    requestSync();
    setReceiving(null);
    setStatus({
      text: t('suppliers.detail.receivedNotice', { count: quantity, name: line.name, number: order.number }),
      failed: false,
    });
  }

  return (
    <div className="flex flex-col gap-3" data-testid="order-detail" data-status={order.status}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-lg font-bold text-slate-900" data-testid="order-number">
            {order.number} · {order.supplier.name}
          </h3>
          <p className="text-sm text-slate-600">
            <span data-testid="order-status">{t(`suppliers.status.${order.status}`)}</span> ·{' '}
            {t('suppliers.detail.branch', { name: order.branch.name })}
          </p>
        </div>
        <Button variant="ghost" onClick={onBack} data-testid="order-back">
          {t('suppliers.orders.back')}
        </Button>
      </div>

      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 font-medium" />
            <th className="px-1 py-1 text-right font-medium">{t('suppliers.detail.ordered')}</th>
            <th className="px-1 py-1 text-right font-medium">{t('suppliers.detail.received')}</th>
            <th className="px-1 py-1 text-right font-medium">{t('suppliers.detail.toCome')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr
              key={line.productId}
              className="border-t border-slate-100 align-top"
              data-testid="order-line"
              data-product-id={line.productId}
              data-received={line.quantityReceived}
              data-to-come={line.toCome}
            >
              <td className="py-1.5">
                <p>{line.name}</p>
                {line.pendingHere > 0 ? (
                  <p className="text-xs text-amber-800" data-testid="order-line-pending">
                    {t('suppliers.detail.pendingHere', { count: line.pendingHere })}
                  </p>
                ) : null}
                {line.over > 0 ? (
                  <p className="text-xs text-brand-800" data-testid="order-line-over">
                    {t('suppliers.detail.over', { count: line.over })}
                  </p>
                ) : null}
                {receive && mayReceiveOrder(order.status) && receiving === null ? (
                  <button
                    type="button"
                    onClick={() => setReceiving(line)}
                    className="min-h-11 font-semibold text-brand-700"
                    data-testid="order-line-receive"
                  >
                    {t('suppliers.detail.receive')}
                  </button>
                ) : null}
              </td>
              <td className="px-1 py-1.5 text-right tabular-nums">{line.quantityOrdered}</td>
              <td className="px-1 py-1.5 text-right tabular-nums">{line.quantityReceived + line.pendingHere}</td>
              <td className="px-1 py-1.5 text-right tabular-nums">{line.toCome}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {receiving ? (
        <div className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3" data-testid="order-receive">
          <p className="font-semibold">{t('suppliers.detail.receiveLine', { name: receiving.name })}</p>
          <ReceiveForm
            initialQuantity={receiving.toCome}
            onSubmit={(quantity, lot) => receiveLine(receiving, quantity, lot)}
            onCancel={() => setReceiving(null)}
          />
        </div>
      ) : null}

      {outside.length > 0 ? (
        <div data-testid="order-outside">
          <p className="text-sm font-semibold text-slate-700">{t('suppliers.detail.outside')}</p>
          <ul className="text-sm text-slate-600">
            {outside.map((receipt, index) => (
              <li key={`${receipt.productId}-${index}`}>
                {t('suppliers.orders.line', { quantity: receipt.quantity, name: receipt.name })} ·{' '}
                {t(`suppliers.detail.outcome.${receipt.outcome}`)} · {formatDateTime(receipt.receivedAt, i18n.language)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {status ? (
        <p
          role={status.failed ? 'alert' : 'status'}
          className={`text-sm ${status.failed ? 'text-red-700' : 'text-brand-800'}`}
          data-testid="order-notice"
        >
          {status.text}
        </p>
      ) : null}

      {manage && mayEditOrder(order.status) ? (
        <Button variant="secondary" disabled={!online} onClick={props.onEdit} data-testid="order-edit">
          {t('suppliers.detail.edit')}
        </Button>
      ) : null}

      {manage && maySendOrder(order.status) ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm font-semibold text-slate-700">{t('suppliers.detail.send')}</p>
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              disabled={busy || !online}
              onClick={() => void savePdf()}
              data-testid="order-pdf"
            >
              {t('suppliers.detail.pdf')}
            </Button>
            <a
              href={orderWhatsappUrl(document, order.supplier.phone)}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => void markSent()}
              className="flex min-h-12 items-center justify-center rounded-xl bg-brand-700 px-4 font-semibold text-white"
              data-testid="order-whatsapp"
            >
              {t('suppliers.detail.whatsapp')}
            </a>
          </div>
          {order.supplier.phone ? null : <p className="text-xs text-slate-500">{t('suppliers.detail.noPhone')}</p>}
        </div>
      ) : null}

      {manage && mayCancelOrder(order.status) ? (
        confirmingCancel ? (
          <div className="flex flex-col gap-2 rounded-xl bg-red-50 p-3">
            <p className="text-sm text-red-900">{t('suppliers.detail.confirmCancel', { number: order.number })}</p>
            <div className="grid grid-cols-2 gap-2">
              <Button variant="secondary" disabled={busy} onClick={() => setConfirmingCancel(false)}>
                {t('suppliers.detail.keep')}
              </Button>
              <Button variant="danger" disabled={busy} onClick={() => void cancel()} data-testid="order-cancel-confirm">
                {t('suppliers.detail.cancelOrder')}
              </Button>
            </div>
          </div>
        ) : (
          <Button
            variant="ghost"
            disabled={!online}
            onClick={() => setConfirmingCancel(true)}
            data-testid="order-cancel"
          >
            {t('suppliers.detail.cancelOrder')}
          </Button>
        )
      ) : null}
    </div>
  );
}
