import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalProduct } from '../db';
import { receiveTransfer } from '../db/transfers';
import { formatCalendarDate } from '../i18n/format';
import { stockSaveError } from '../stock/stockSaveError';
import { Button } from '../ui/Button';
import type { TransferView } from './transfersApi';

interface IncomingTransferProps {
  transfer: TransferView;
  fromName: string;
  products: ReadonlyMap<string, LocalProduct>;
  onReceived: () => void;
}

/**
 * A transfer on its way to this branch (TR2): each line with its lot and
 * expiry, and the units that arrived (what was sent, until the person counts
 * fewer). Queued through the outbox, so it works offline once listed.
 */
export function IncomingTransfer({ transfer, fromName, products, onReceived }: IncomingTransferProps) {
  const { t, i18n } = useTranslation();
  const [counts, setCounts] = useState(() => transfer.lines.map((line) => String(line.quantity)));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function receive() {
    const received = counts.map((text) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN));
    if (received.some((units, index) => !(units >= 0 && units <= (transfer.lines[index]?.quantity ?? 0)))) {
      setProblem(t('transfers.errors.received'));
      return;
    }
    setBusy(true);
    try {
      await receiveTransfer(transfer.id, received);
      onReceived();
    } catch (failure) {
      setProblem(stockSaveError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3" data-testid="incoming-transfer">
      <p className="text-sm font-semibold text-slate-900">{t('transfers.from', { name: fromName })}</p>
      <ul className="flex flex-col gap-1">
        {transfer.lines.map((line, index) => (
          <li
            key={`${line.productId}-${line.batchId ?? index}`}
            className="grid grid-cols-[1fr_5rem] items-center gap-2"
          >
            <span className="text-sm text-slate-800">
              {products.get(line.productId)?.name ?? t('transfers.unknownProduct')}
              <span className="block text-xs text-slate-500">
                {line.lot === null
                  ? t('transfers.noLot', { count: line.quantity })
                  : t('transfers.lotLine', {
                      lot: line.lot,
                      count: line.quantity,
                      date: line.expiresOn ? formatCalendarDate(line.expiresOn, i18n.language) : '—',
                    })}
              </span>
            </span>
            <input
              value={counts[index] ?? ''}
              onChange={(event) => setCounts(counts.map((old, at) => (at === index ? event.target.value : old)))}
              inputMode="numeric"
              aria-label={t('transfers.receivedUnits')}
              className="min-h-12 rounded-xl border border-slate-300 bg-white px-3 text-right text-lg"
              data-testid="incoming-transfer-count"
            />
          </li>
        ))}
      </ul>
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      <Button disabled={busy} onClick={() => void receive()} data-testid="incoming-transfer-receive">
        {t('transfers.receive')}
      </Button>
    </li>
  );
}
