import { chunksOf } from './chunks';

/**
 * Web Bluetooth, as far as printing needs it (Chrome on Android and computers; declared here, not in
 * TypeScript's DOM library). Common cheap thermal printers offer a serial-style GATT service.
 */
export interface BluetoothCharacteristicLike {
  writeValue(value: Uint8Array<ArrayBuffer>): Promise<void>;
  writeValueWithoutResponse?(value: Uint8Array<ArrayBuffer>): Promise<void>;
  readonly properties?: { writeWithoutResponse?: boolean };
}

export interface BluetoothDeviceLike {
  readonly gatt?: {
    readonly connected: boolean;
    connect(): Promise<{
      getPrimaryService(service: string): Promise<{
        getCharacteristic(characteristic: string): Promise<BluetoothCharacteristicLike>;
      }>;
    }>;
    disconnect(): void;
  };
}

export interface BluetoothLike {
  requestDevice(options: { acceptAllDevices: true; optionalServices: string[] }): Promise<BluetoothDeviceLike>;
}

/** The printer service and its write characteristic most 58/80 mm Bluetooth LE printers offer. */
export const PRINTER_SERVICE = '000018f0-0000-1000-8000-00805f9b34fb';
export const PRINTER_CHARACTERISTIC = '00002af1-0000-1000-8000-00805f9b34fb';
/** The most one GATT write carries. */
export const BLUETOOTH_CHUNK = 512;

export function webBluetooth(): BluetoothLike | null {
  return typeof navigator !== 'undefined' && 'bluetooth' in navigator
    ? ((navigator as Navigator & { bluetooth: BluetoothLike }).bluetooth ?? null)
    : null;
}

/** Writes `bytes` to the characteristic in pieces of at most 512 bytes, one after another. */
export async function writeInChunks(characteristic: BluetoothCharacteristicLike, bytes: Uint8Array): Promise<void> {
  const withoutResponse = characteristic.properties?.writeWithoutResponse
    ? characteristic.writeValueWithoutResponse?.bind(characteristic)
    : undefined;
  const write = withoutResponse ?? ((piece: Uint8Array<ArrayBuffer>) => characteristic.writeValue(piece));
  for (const chunk of chunksOf(bytes, BLUETOOTH_CHUNK)) await write(new Uint8Array(chunk));
}

/** Sends ESC/POS bytes to the Bluetooth printer the cashier picks (the browser asks, so from a tap). */
export async function printOverBluetooth(
  bytes: Uint8Array,
  bluetooth: BluetoothLike | null = webBluetooth(),
): Promise<void> {
  if (!bluetooth) throw new Error('This browser has no Web Bluetooth');
  const device = await bluetooth.requestDevice({ acceptAllDevices: true, optionalServices: [PRINTER_SERVICE] });
  if (!device.gatt) throw new Error('The Bluetooth device cannot be connected');
  const server = await device.gatt.connect();
  try {
    const service = await server.getPrimaryService(PRINTER_SERVICE);
    await writeInChunks(await service.getCharacteristic(PRINTER_CHARACTERISTIC), bytes);
  } finally {
    device.gatt.disconnect();
  }
}
