import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../ui/useOnline';
import { DeviceRow } from './DeviceRow';
import { deviceStatus } from './deviceStatus';
import { devicesFailureMessage } from './devicesFailureMessage';
import { useDeviceList } from './useDeviceList';

type Notice = { tone: 'ok' | 'error'; text: string };

/**
 * The shop's devices for whoever may manage them: which phones are signed in, when each
 * was last seen, and "Remove" for a lost or retired one. Online only: devices live on the server.
 */
export function DevicesSection({ thisDeviceId }: { thisDeviceId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { devices, failure, reload } = useDeviceList(online);
  const [notice, setNotice] = useState<Notice | null>(null);
  const now = new Date();

  function afterRemoved(name: string) {
    setNotice({ tone: 'ok', text: t('devices.removedDone', { name }) });
    reload();
  }

  const loadError = failure && failure.kind !== 'offline' ? failure : null;
  return (
    <section
      data-testid="devices-section"
      className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 className="text-lg font-bold text-slate-900">{t('devices.title')}</h3>
      <p className="text-sm text-slate-600">{t('devices.intro')}</p>
      {!online ? (
        <p
          role="status"
          data-testid="devices-offline"
          className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('devices.offline')}
        </p>
      ) : null}
      {notice ? (
        <p
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="devices-message"
          className={`text-sm ${notice.tone === 'error' ? 'text-red-700' : 'text-brand-800'}`}
        >
          {notice.text}
        </p>
      ) : null}
      {loadError ? (
        <p role="alert" data-testid="devices-load-error" className="text-sm text-red-700">
          {devicesFailureMessage(loadError, t)}
        </p>
      ) : null}
      {devices === null ? (
        online ? (
          <p className="text-sm text-slate-500">{t('devices.loading')}</p>
        ) : null
      ) : (
        <ul data-testid="devices-list" className="divide-y divide-slate-100">
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              status={deviceStatus(device, thisDeviceId)}
              online={online}
              now={now}
              onRemoved={afterRemoved}
              onError={(text) => {
                setNotice({ tone: 'error', text });
                reload(); // e.g. removed meanwhile on another phone: show it as it is now
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
