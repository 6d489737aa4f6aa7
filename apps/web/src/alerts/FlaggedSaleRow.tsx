import { useTranslation } from 'react-i18next';
import { cents, formatRands, type FlaggedSale } from '@opentill/domain';
import { formatDateTime } from '../i18n/format';
import { Button } from '../ui/Button';

interface FlaggedSaleRowProps {
  alert: FlaggedSale;
  thisDeviceId: string;
  /** Absent: the person may read alerts but not close them (an auditor). */
  onChecked?: (() => void) | undefined;
  busy: boolean;
}

/** A sale the shop kept but flagged: why, which sale, who made it, on which phone. */
export function FlaggedSaleRow({ alert, thisDeviceId, onChecked, busy }: FlaggedSaleRowProps) {
  const { t, i18n } = useTranslation();
  const phone =
    alert.deviceId === thisDeviceId
      ? t('audit.thisPhone')
      : t('audit.phone', { name: alert.deviceName ?? alert.deviceId.slice(0, 8) });
  const why =
    alert.kind === 'unauthorized'
      ? t(`alerts.flagged.unauthorized.${unauthorizedReason(alert.reason)}`)
      : t(`alerts.flagged.${alert.kind}`, { seq: alert.chainSeq });
  return (
    <li data-testid="flagged-sale" data-kind={alert.kind} className="flex flex-col gap-1 py-3">
      <span className="font-semibold text-slate-900">{why}</span>
      {alert.sale ? (
        <span className="text-sm text-slate-700">
          {t('alerts.flagged.sale', {
            amount: formatRands(cents(alert.sale.totalAmount)),
            when: formatDateTime(alert.sale.createdAt, i18n.language),
            by: alert.sale.by ?? t('audit.aPerson'),
          })}
        </span>
      ) : null}
      <span className="text-sm text-slate-500">{phone}</span>
      {onChecked ? (
        <Button variant="secondary" disabled={busy} onClick={onChecked} data-testid="flagged-sale-checked">
          {t('alerts.checked')}
        </Button>
      ) : null}
    </li>
  );
}

/** The worded reasons a sale is flagged for (an unknown one reads as not permitted). */
const REASONS = ['disabled', 'device-revoked', 'override-not-permitted', 'over-credit-limit'] as const;

function unauthorizedReason(reason: string | null): (typeof REASONS)[number] | 'not-permitted' {
  return REASONS.find((known) => known === reason) ?? 'not-permitted';
}
