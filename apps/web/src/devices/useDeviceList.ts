import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/tokenRequest';
import { listDevices, type DeviceRecord } from './devicesApi';

interface DeviceListState {
  /** Null until the first answer; kept while offline or when a reload fails. */
  devices: DeviceRecord[] | null;
  failure: ApiFailure | null;
}

/** The shop's devices from the server, loaded when online and again on `reload()`. */
export function useDeviceList(online: boolean) {
  const [state, setState] = useState<DeviceListState>({ devices: null, failure: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void listDevices().then((result) => {
      if (!current) return;
      setState((previous) =>
        result.ok ? { devices: result.value, failure: null } : { devices: previous.devices, failure: result.failure },
      );
    });
    return () => {
      current = false;
    };
  }, [online, version]);

  return { ...state, reload: () => setVersion((value) => value + 1) };
}
