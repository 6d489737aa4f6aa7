import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { revokeDevice } from './devicesApi';
import { devicesFailureMessage } from './devicesFailureMessage';

interface RemoveDeviceConfirmProps {
  deviceId: string;
  name: string;
  online: boolean;
  onCancel: () => void;
  onRemoved: () => void;
  onError: (message: string) => void;
}

/** The step before removing: what the phone will still do, and what will not count. */
export function RemoveDeviceConfirm({
  deviceId,
  name,
  online,
  onCancel,
  onRemoved,
  onError,
}: RemoveDeviceConfirmProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const result = await revokeDevice(deviceId);
    setBusy(false);
    if (result.ok) onRemoved();
    else onError(devicesFailureMessage(result.failure, t));
  }

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      data-testid="device-remove-confirm"
      className="flex flex-col gap-3 rounded-xl bg-red-50 p-3 ring-1 ring-red-200"
    >
      <p id={titleId} className="font-semibold text-red-900">
        {t('devices.confirmTitle', { name })}
      </p>
      <p className="text-sm text-red-900">{t('devices.confirmBody')}</p>
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-testid="device-remove-cancel">
          {t('devices.cancel')}
        </Button>
        <Button
          variant="danger"
          onClick={() => void remove()}
          disabled={!online || busy}
          data-testid="device-remove-yes"
        >
          {busy ? t('devices.removing') : t('devices.confirm')}
        </Button>
      </div>
    </div>
  );
}
