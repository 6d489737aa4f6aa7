import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge, formatDateTime } from '../i18n/format';
import { Button } from '../ui/Button';
import type { DeviceRecord } from './devicesApi';
import { canRemove, type DeviceStatus } from './deviceStatus';
import { RemoveDeviceConfirm } from './RemoveDeviceConfirm';

interface DeviceRowProps {
  device: DeviceRecord;
  status: DeviceStatus;
  online: boolean;
  now: Date;
  onRemoved: (name: string) => void;
  onError: (message: string) => void;
}

/** One device: its name, who signed it in, when it was last seen, and "Remove" for another active phone. */
export function DeviceRow({ device, status, online, now, onRemoved, onError }: DeviceRowProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const name = device.name ?? t('devices.unnamed');
  const added = formatDateTime(device.createdAt, i18n.language);
  const removed = status === 'removed';
  return (
    <li data-testid="device-row" data-device-id={device.id} data-status={status} className="flex flex-col gap-2 py-3">
      <div className="flex min-h-12 items-center justify-between gap-3">
        <span className="min-w-0">
          <span className={`block truncate font-semibold ${removed ? 'text-slate-400' : 'text-slate-900'}`}>
            {name}
            {status === 'this' ? <span className="font-normal text-brand-800"> · {t('devices.thisPhone')}</span> : null}
            {removed ? <span className="font-normal text-red-700"> · {t('devices.removed')}</span> : null}
          </span>
          <span className="block text-sm text-slate-500">
            {device.registeredBy
              ? t('devices.addedBy', { name: device.registeredBy, date: added })
              : t('devices.added', { date: added })}
          </span>
          <span className="block text-sm text-slate-500">{lastLine(device, now, i18n.language, t)}</span>
        </span>
        {canRemove(status) && !confirming ? (
          <Button
            variant="secondary"
            disabled={!online}
            onClick={() => setConfirming(true)}
            data-testid="device-remove"
            className="shrink-0"
          >
            {t('devices.remove')}
          </Button>
        ) : null}
      </div>
      {status === 'this' ? <p className="text-sm text-slate-600">{t('devices.thisPhoneHint')}</p> : null}
      {confirming ? (
        <RemoveDeviceConfirm
          deviceId={device.id}
          name={name}
          online={online}
          onCancel={() => setConfirming(false)}
          onRemoved={() => onRemoved(name)}
          onError={onError}
        />
      ) : null}
    </li>
  );
}

/** Removed beats last seen: after removal, when it was last seen no longer matters to the owner. */
function lastLine(device: DeviceRecord, now: Date, language: string, t: TFunction): string {
  if (device.revokedAt) return t('devices.removedAt', { age: formatAge(device.revokedAt, language, now) });
  if (device.lastSeenAt) return t('devices.lastSeen', { age: formatAge(device.lastSeenAt, language, now) });
  return t('devices.neverSeen');
}
