import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferResolution } from '@opentill/domain';
import { resolveTransfer } from '../db/transfers';
import { Button } from '../ui/Button';
import type { TransferView } from './transfersApi';

interface MissingUnitsProps {
  transfer: TransferView;
  /** A resolution of this transfer is queued on this phone: shown as done. */
  settling: boolean;
  onResolved: (resolution: TransferResolution, units: number) => void;
  onError: (message: string) => void;
}

/**
 * TR5, on a transfer this branch sent that arrived short: how many units are missing, what was decided, or
 * for a manager (`stock:approve`) the two answers, queued offline: back on our shelf, or lost on the way.
 */
export function MissingUnits({ transfer, settling, onResolved, onError }: MissingUnitsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const missing = transfer.discrepancies.reduce((sum, line) => sum + line.missing, 0);

  async function decide(resolution: TransferResolution) {
    setBusy(true);
    try {
      await resolveTransfer(transfer.id, resolution);
      onResolved(resolution, missing);
    } catch (failure) {
      onError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const decided = transfer.resolution?.kind;
  return (
    <div className="flex flex-col gap-1" data-testid="transfer-missing">
      <p className="text-red-800">{t('transfers.missing', { count: missing })}</p>
      {decided ? (
        <p className="text-slate-600">{t(`transfers.resolved.${decided}`)}</p>
      ) : settling ? (
        <p className="text-slate-600">{t('transfers.resolving')}</p>
      ) : (
        <div className="grid grid-cols-2 gap-2">
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => void decide('returned')}
            data-testid="transfer-returned"
          >
            {t('transfers.resolve.returned')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => void decide('lost')} data-testid="transfer-lost">
            {t('transfers.resolve.lost')}
          </Button>
        </div>
      )}
    </div>
  );
}
