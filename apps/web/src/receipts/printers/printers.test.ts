import { describe, expect, it } from 'vitest';
import { BLUETOOTH_CHUNK, printOverBluetooth, writeInChunks, type BluetoothCharacteristicLike } from './bluetooth';
import { chunksOf } from './chunks';
import { printOverSerial, type SerialPortLike } from './serial';
import { bulkOutEndpoint, printOverUsb, type UsbDeviceLike } from './usb';

const bytes = (length: number) => Uint8Array.from({ length }, (_, index) => index % 251);

describe('chunks', () => {
  it('cuts bytes into pieces of at most the size, in order, losing none', () => {
    const data = bytes(1300);
    const pieces = chunksOf(data, 512);
    expect(pieces.map((piece) => piece.length)).toEqual([512, 512, 276]);
    expect(Uint8Array.from(pieces.flatMap((piece) => [...piece]))).toEqual(data);
    expect(chunksOf(new Uint8Array(0), 512)).toEqual([]);
    expect(() => chunksOf(data, 0)).toThrow(RangeError);
  });
});

describe('Bluetooth', () => {
  it('writes at most 512 bytes at a time, without response when the printer allows it', async () => {
    const writes: { size: number; quick: boolean }[] = [];
    const characteristic: BluetoothCharacteristicLike = {
      properties: { writeWithoutResponse: true },
      writeValue: async (value) => void writes.push({ size: value.length, quick: false }),
      writeValueWithoutResponse: async (value) => void writes.push({ size: value.length, quick: true }),
    };
    await writeInChunks(characteristic, bytes(1100));
    expect(writes).toEqual([
      { size: BLUETOOTH_CHUNK, quick: true },
      { size: BLUETOOTH_CHUNK, quick: true },
      { size: 76, quick: true },
    ]);
  });

  it('connects to the printer service, writes with response otherwise, and disconnects', async () => {
    const log: string[] = [];
    await printOverBluetooth(bytes(600), {
      requestDevice: async (options) => {
        log.push(`ask ${options.optionalServices.join()}`);
        return {
          gatt: {
            connected: true,
            connect: async () => ({
              getPrimaryService: async (service) => ({
                getCharacteristic: async (characteristic) => {
                  log.push(`${service.slice(4, 8)}/${characteristic.slice(4, 8)}`);
                  return { writeValue: async (value) => void log.push(`write ${value.length}`) };
                },
              }),
            }),
            disconnect: () => void log.push('disconnect'),
          },
        };
      },
    });
    expect(log).toEqual([
      'ask 000018f0-0000-1000-8000-00805f9b34fb',
      '18f0/2af1',
      'write 512',
      'write 88',
      'disconnect',
    ]);
  });
});

describe('USB', () => {
  const configuration = {
    configurationValue: 1,
    interfaces: [
      {
        interfaceNumber: 0,
        alternate: {
          interfaceClass: 255,
          endpoints: [{ endpointNumber: 1, direction: 'in' as const, type: 'bulk' as const }],
        },
      },
      {
        interfaceNumber: 1,
        alternate: {
          interfaceClass: 7,
          endpoints: [
            { endpointNumber: 2, direction: 'in' as const, type: 'bulk' as const },
            { endpointNumber: 3, direction: 'out' as const, type: 'bulk' as const },
          ],
        },
      },
    ],
  };

  it('finds the bulk OUT endpoint, a printer-class interface first', () => {
    expect(bulkOutEndpoint(configuration)).toEqual({ interfaceNumber: 1, endpointNumber: 3 });
    expect(bulkOutEndpoint({ configurationValue: 1, interfaces: configuration.interfaces.slice(0, 1) })).toBeNull();
  });

  it('opens, claims, sends every byte to that endpoint, releases and closes', async () => {
    const log: string[] = [];
    let sent = 0;
    const device: UsbDeviceLike = {
      opened: false,
      configuration,
      open: async () => void log.push('open'),
      close: async () => void log.push('close'),
      selectConfiguration: async () => void log.push('select'),
      claimInterface: async (n) => void log.push(`claim ${n}`),
      releaseInterface: async (n) => void log.push(`release ${n}`),
      transferOut: async (endpoint, data) => {
        sent += data.length;
        log.push(`out ${endpoint}`);
        return { status: 'ok' };
      },
    };
    await printOverUsb(bytes(5000), { getDevices: async () => [], requestDevice: async () => device });
    expect(sent).toBe(5000);
    expect(log).toEqual(['open', 'claim 1', 'out 3', 'out 3', 'release 1', 'close']);
  });
});

describe('serial', () => {
  it('opens a port allowed before at the baud rate asked, writes every byte and closes', async () => {
    const written: number[] = [];
    const log: string[] = [];
    const port: SerialPortLike = {
      open: async ({ baudRate }) => void log.push(`open ${baudRate}`),
      close: async () => void log.push('close'),
      writable: new WritableStream<Uint8Array>({ write: (chunk) => void written.push(chunk.length) }),
    };
    await printOverSerial(
      bytes(2500),
      { baudRate: 19200 },
      {
        getPorts: async () => [port],
        requestPort: async () => {
          throw new Error('not asked: a port was allowed before');
        },
      },
    );
    expect(log).toEqual(['open 19200', 'close']);
    expect(written.reduce((sum, size) => sum + size, 0)).toBe(2500);
    expect(Math.max(...written)).toBeLessThanOrEqual(1024);
  });
});
