import { Suspense, useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands, type Session } from '@opentill/domain';
import type { LocalSale } from '../db';
import type { LocalRefund } from '../db/database';
import type { RefundSource } from '../db/refunds';
import { formatDateTime } from '../i18n/format';
import { ReceiptReprint } from '../receipts/ReceiptReprint';
import { LazyCameraScanner } from '../scanning/LazyCameraScanner';
import { useWedgeScanner } from '../scanning/useWedgeScanner';
import { Button } from '../ui/Button';
import { ScanIcon } from '../ui/icons';
import { findSale, ownSource, type SaleSearch } from './findSale';
import { RecentSales } from './RecentSales';
import { RefundDone } from './RefundDone';
import { RefundPanel } from './RefundPanel';
import { lookUpSaleOnServer } from './saleLookupApi';

type Step =
  | { kind: 'search'; result: SaleSearch | 'searching' | null }
  | { kind: 'refund'; source: RefundSource }
  | { kind: 'receipt'; source: RefundSource }
  | { kind: 'done'; refund: LocalRefund };

/**
 * The Sales tab (SPEC RF, RC): find a sale by the number on its slip, by
 * scanning its code (keyboard wedge anywhere, or the camera), or from this
 * phone's list; then refund part of it or void it.
 */
export function SalesScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const deviceId = session.device.id;
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'search', result: null });
  const [cameraOpen, setCameraOpen] = useState(false);

  const find = useCallback(
    async (receipt: string) => {
      setStep({ kind: 'search', result: 'searching' });
      const result = await findSale(receipt, deviceId, lookUpSaleOnServer);
      const [only] = result.kind === 'found' ? result.sources : [];
      setStep(
        result.kind === 'found' && result.sources.length === 1 && only
          ? { kind: 'refund', source: only }
          : { kind: 'search', result },
      );
    },
    [deviceId],
  );
  const scanned = useCallback(
    (code: string) => {
      setCameraOpen(false);
      setText(code);
      void find(code);
    },
    [find],
  );
  useWedgeScanner(scanned, { enabled: step.kind === 'search' && !cameraOpen });

  async function pickOwn(sale: LocalSale) {
    setStep({ kind: 'refund', source: await ownSource(sale, deviceId) });
  }

  const backToSearch = () => setStep({ kind: 'search', result: null });

  if (step.kind === 'refund') {
    return (
      <RefundPanel
        source={step.source}
        onBack={backToSearch}
        onDone={(refund) => setStep({ kind: 'done', refund })}
        onReceipt={() => setStep({ kind: 'receipt', source: step.source })}
      />
    );
  }
  if (step.kind === 'receipt') {
    return (
      <ReceiptReprint
        found={step.source}
        businessName={session.tenant.businessName}
        onBack={() => setStep({ kind: 'refund', source: step.source })}
      />
    );
  }
  if (step.kind === 'done') {
    return (
      <RefundDone
        refund={step.refund}
        onDone={() => {
          setText('');
          backToSearch();
        }}
      />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void find(text);
  };
  const { result } = step;
  return (
    <div data-testid="sales-screen" className="h-full overflow-y-auto px-4 py-3">
      <h2 className="text-lg font-bold text-slate-900">{t('refunds.title')}</h2>
      <form onSubmit={onSubmit} className="mt-2 flex gap-2">
        <input
          aria-label={t('refunds.receipt')}
          data-testid="receipt-search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('refunds.receipt')}
          autoComplete="off"
          autoCapitalize="characters"
          className="min-h-12 min-w-0 flex-1 rounded-xl bg-white px-3 font-mono text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600 focus:outline-none"
        />
        <Button type="submit" data-testid="receipt-find">
          {t('refunds.find')}
        </Button>
        <Button variant="secondary" aria-label={t('refunds.scan')} onClick={() => setCameraOpen(true)}>
          <ScanIcon />
        </Button>
      </form>
      <p className="mt-1 text-sm text-slate-500">{t('refunds.receiptHint')}</p>
      {result === 'searching' ? (
        <p role="status" className="mt-3 text-slate-600">
          {t('refunds.searching')}
        </p>
      ) : result && result.kind !== 'found' ? (
        <p
          role="alert"
          data-testid="receipt-problem"
          className="mt-3 rounded-xl bg-amber-50 px-4 py-3 text-amber-900 ring-1 ring-amber-200"
        >
          {t(`refunds.${result.kind === 'not-found' ? 'notFound' : result.kind}`)}
        </p>
      ) : result?.kind === 'found' ? (
        <FoundChoice sources={result.sources} onPick={(source) => setStep({ kind: 'refund', source })} />
      ) : null}
      <RecentSales onPick={(sale) => void pickOwn(sale)} />
      {cameraOpen ? (
        <Suspense fallback={null}>
          <LazyCameraScanner onScan={scanned} onClose={() => setCameraOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}

/** A typed number several devices' sales share (their prefixes collide): the cashier picks by time and total. */
function FoundChoice({ sources, onPick }: { sources: RefundSource[]; onPick: (source: RefundSource) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="mt-3">
      <p className="text-sm font-medium text-slate-700">{t('refunds.choose')}</p>
      <ul className="mt-1 flex flex-col gap-1">
        {sources.map((source) => (
          <li key={`${source.deviceId}/${source.sale.localId}`}>
            <Button variant="secondary" className="w-full justify-between" onClick={() => onPick(source)}>
              <span>{formatDateTime(source.sale.createdAt, i18n.language)}</span>
              <span className="tabular-nums">{formatRands(cents(source.sale.totalAmount))}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
