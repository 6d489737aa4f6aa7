import { chunksOf } from './chunks';

/**
 * Web Serial, as far as printing needs it (Chrome and Edge on a computer; the W3C draft's types are
 * not in TypeScript's DOM library, so these few are declared here).
 */
export interface SerialPortLike {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly writable: WritableStream<Uint8Array> | null;
}

export interface SerialLike {
  getPorts(): Promise<SerialPortLike[]>;
  requestPort(options?: { filters?: unknown[] }): Promise<SerialPortLike>;
}

/** Thermal printers on a serial cable or a USB-serial adapter mostly talk at 9600 baud. */
export const DEFAULT_BAUD_RATE = 9600;
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

/** Writes are cut into pieces this size, so a slow printer's buffer is not flooded in one go. */
const SERIAL_CHUNK = 1024;

export function webSerial(): SerialLike | null {
  return typeof navigator !== 'undefined' && 'serial' in navigator
    ? ((navigator as Navigator & { serial: SerialLike }).serial ?? null)
    : null;
}

/**
 * Sends ESC/POS bytes to a serial printer: a port this site was allowed before, else the one the
 * cashier picks (the browser asks, so this must run from a tap). Opens, writes, closes.
 */
export async function printOverSerial(
  bytes: Uint8Array,
  { baudRate = DEFAULT_BAUD_RATE }: { baudRate?: number } = {},
  serial: SerialLike | null = webSerial(),
): Promise<void> {
  if (!serial) throw new Error('This browser has no Web Serial');
  const [known] = await serial.getPorts();
  const port = known ?? (await serial.requestPort());
  await port.open({ baudRate });
  try {
    if (!port.writable) throw new Error('The serial port cannot be written to');
    const writer = port.writable.getWriter();
    try {
      for (const chunk of chunksOf(bytes, SERIAL_CHUNK)) await writer.write(chunk);
    } finally {
      writer.releaseLock();
    }
  } finally {
    await port.close();
  }
}
