import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Branch } from '@opentill/domain';
import { useLiveActingUser, useLiveSession, type LocalProduct } from '../db';
import { useLiveTransfersBeingSettled } from '../db/transfers';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { IncomingTransfer } from './IncomingTransfer';
import { MissingUnits } from './MissingUnits';
import { SendTransferForm } from './SendTransferForm';
import { useTransfers } from './useTransfers';

const RECENT_SHOWN = 5;

interface TransfersPanelProps {
  products: readonly LocalProduct[];
  stock: ReadonlyMap<string, number>;
}

/**
 * Transfers between branches on the Products screen (SPEC TR), for people who
 * may move stock (`stock:transfer`): send stock to another branch, receive what
 * is on its way here, and see the last few with their state.
 */
export default function TransfersPanel({ products, stock }: TransfersPanelProps) {
  const { t } = useTranslation();
  const online = useOnline();
  const here = useLiveSession()?.branch;
  const { branches, transfers, failed, reload } = useTransfers();
  const beingReceived = useLiveTransfersBeingSettled();
  // TR5: the missing units of a transfer sent from here are a manager's to resolve.
  const acting = useLiveActingUser();
  const mayResolve = acting ? can(acting.role, 'stock:approve') : false;
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const byId = useMemo(() => new Map(products.map((product) => [product.id, product])), [products]);
  const nameOf = (id: string) => branches?.find((branch) => branch.id === id)?.name ?? '—';
  const others = (branches ?? []).filter((branch) => branch.id !== here?.id);
  const incoming = (transfers ?? []).filter(
    (transfer) =>
      transfer.toBranchId === here?.id && transfer.status === 'in_transit' && !beingReceived?.has(transfer.id),
  );

  function done(message: string) {
    setNotice(message);
    setSending(false);
    requestSync();
    // The server's list changes once the queued operation has gone: read it again shortly after.
    setTimeout(reload, 1500);
  }

  return (
    <section
      data-testid="transfers-panel"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="text-lg font-bold text-slate-900">{t('transfers.title')}</h2>
      {!online ? <p className="text-sm text-amber-900">{t('transfers.offline')}</p> : null}
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {t('transfers.errors.loadFailed')}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-brand-800" data-testid="transfers-notice">
          {notice}
        </p>
      ) : null}
      {sending ? (
        <SendTransferForm
          branches={others}
          products={products}
          stock={stock}
          onSent={(branch: Branch, units) => done(t('transfers.sent', { count: units, name: branch.name }))}
          onCancel={() => setSending(false)}
        />
      ) : others.length > 0 ? (
        <Button variant="secondary" onClick={() => setSending(true)} data-testid="transfer-start">
          {t('transfers.start')}
        </Button>
      ) : branches ? (
        <p className="text-sm text-slate-600">{t('transfers.noOtherBranch')}</p>
      ) : null}
      <h3 className="text-sm font-semibold text-slate-700">{t('transfers.incoming')}</h3>
      {incoming.length === 0 ? (
        <p className="text-sm text-slate-500">{t('transfers.noIncoming')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {incoming.map((transfer) => (
            <IncomingTransfer
              key={transfer.id}
              transfer={transfer}
              fromName={nameOf(transfer.fromBranchId)}
              products={byId}
              onReceived={() => done(t('transfers.receivedDone', { name: nameOf(transfer.fromBranchId) }))}
            />
          ))}
        </ul>
      )}
      {transfers && transfers.length > 0 ? (
        <>
          <h3 className="text-sm font-semibold text-slate-700">{t('transfers.recent')}</h3>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="transfers-recent">
            {transfers.slice(0, RECENT_SHOWN).map((transfer) => (
              <li key={transfer.id} className="flex flex-col gap-1 py-1.5" data-testid="transfer-row">
                <span className="flex justify-between gap-2">
                  <span>
                    {nameOf(transfer.fromBranchId)} → {nameOf(transfer.toBranchId)}
                  </span>
                  <span className={transfer.status === 'received_with_discrepancy' ? 'text-red-700' : 'text-slate-600'}>
                    {t(`transfers.status.${transfer.status}`)}
                  </span>
                </span>
                {transfer.status === 'received_with_discrepancy' &&
                transfer.fromBranchId === here?.id &&
                (mayResolve || transfer.resolution) ? (
                  <MissingUnits
                    transfer={transfer}
                    settling={beingReceived?.has(transfer.id) ?? false}
                    onResolved={(resolution, units) =>
                      done(t(`transfers.resolvedDone.${resolution}`, { count: units }))
                    }
                    onError={(message) => setNotice(message)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
