import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { LazyReceiptActions } from './LazyReceiptActions';
import { receiptSourceOf } from './receiptSource';

type Found = Parameters<typeof receiptSourceOf>[0];

/** A found sale's receipt again, from the Sales tab: marked COPY (AFSKRIF, IKHOPHI) and counted (RX2). */
export function ReceiptReprint({
  found,
  businessName,
  onBack,
}: {
  found: Found;
  businessName: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const source = useMemo(() => receiptSourceOf(found), [found]);
  return (
    <div data-testid="receipt-reprint-screen" className="h-full overflow-y-auto px-4 py-3">
      <div className="flex items-center gap-2">
        <Button variant="ghost" onClick={onBack} className="-ml-3">
          ‹ {t('receipts.close')}
        </Button>
        <p className="min-w-0 flex-1 text-right font-mono font-bold text-slate-900">
          {source.receiptNumber ?? t('receipts.noNumber')}
        </p>
      </div>
      <Suspense fallback={<p className="mt-3 text-slate-600">{t('receipts.loading')}</p>}>
        <LazyReceiptActions source={source} businessName={businessName} copy />
      </Suspense>
    </div>
  );
}
