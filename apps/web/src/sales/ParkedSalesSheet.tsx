import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cartTotals, formatRands } from '@opentill/domain';
import { formatTime } from '../i18n/format';
import { Button } from '../ui/Button';
import { useCart } from './cartStore';

/** The sheet behind "Park" and "N parked": name the sale to park, or pick one to bring back. */
export function ParkedSalesSheet({ open, onClose }: { open: 'park' | 'list'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const cart = useCart((state) => state.cart);
  const parked = useCart((state) => state.parked);
  const { park, resume } = useCart.getState();
  const [label, setLabel] = useState('');

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={open === 'park' ? t('sales.parked.park') : t('sales.parked.title')}
      className="fixed inset-x-0 bottom-0 z-20 mx-auto max-w-3xl rounded-t-2xl bg-white p-4 shadow-2xl ring-1 ring-slate-200"
    >
      {open === 'park' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            park(label);
            onClose();
          }}
          className="flex flex-col gap-3"
        >
          <label className="text-sm font-medium text-slate-700">
            {t('sales.parked.label')}
            <input
              value={label}
              maxLength={60}
              onChange={(event) => setLabel(event.target.value)}
              data-testid="park-label"
              className="mt-1 block min-h-12 w-full rounded-xl border border-slate-300 px-3 text-lg"
            />
          </label>
          <Button type="submit" data-testid="park-confirm">
            {t('sales.parked.park')}
          </Button>
        </form>
      ) : (
        <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto">
          {parked.map((ticket) => (
            <li key={ticket.id}>
              <Button
                variant="secondary"
                disabled={cart.lines.length > 0}
                onClick={() => resume(ticket.id) && onClose()}
                data-testid="resume-sale"
                className="w-full justify-between"
              >
                <span className="truncate">
                  {ticket.label || t('sales.parked.unnamed')} · {formatTime(ticket.parkedAt, i18n.language)}
                </span>
                <span className="tabular-nums">{formatRands(cartTotals(ticket.cart.lines).total)}</span>
              </Button>
            </li>
          ))}
          {cart.lines.length > 0 ? (
            <li className="text-sm text-slate-500">{t('sales.refusals.CART_NOT_EMPTY')}</li>
          ) : null}
        </ul>
      )}
      <Button variant="ghost" onClick={() => onClose()} className="mt-2 w-full">
        {t('sales.parked.close')}
      </Button>
    </div>
  );
}
