import { chunksOf } from './chunks';

/** WebUSB, as far as printing needs it (Chrome on Android and computers; declared here, not in TypeScript's DOM library). */
export interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
}

export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate: { interfaceClass?: number; endpoints: UsbEndpointLike[] };
}

export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: UsbInterfaceLike[];
}

export interface UsbDeviceLike {
  readonly opened: boolean;
  readonly configuration: UsbConfigurationLike | null;
  readonly configurations?: UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<{ status: string }>;
}

export interface UsbLike {
  getDevices(): Promise<UsbDeviceLike[]>;
  requestDevice(options: { filters: { classCode?: number }[] }): Promise<UsbDeviceLike>;
}

/** USB's printer class. */
const PRINTER_CLASS = 7;
const USB_CHUNK = 4096;

export function webUsb(): UsbLike | null {
  return typeof navigator !== 'undefined' && 'usb' in navigator
    ? ((navigator as Navigator & { usb: UsbLike }).usb ?? null)
    : null;
}

/**
 * The interface and bulk OUT endpoint a printer takes its commands on: a printer-class interface's
 * first, else any interface's (cheap printers often say "vendor specific").
 */
export function bulkOutEndpoint(
  configuration: UsbConfigurationLike,
): { interfaceNumber: number; endpointNumber: number } | null {
  const withOut = configuration.interfaces
    .map((usbInterface) => ({
      usbInterface,
      out: usbInterface.alternate.endpoints.find(
        (endpoint) => endpoint.direction === 'out' && endpoint.type === 'bulk',
      ),
    }))
    .filter((candidate) => candidate.out !== undefined);
  const chosen =
    withOut.find((candidate) => candidate.usbInterface.alternate.interfaceClass === PRINTER_CLASS) ?? withOut[0];
  return chosen?.out
    ? { interfaceNumber: chosen.usbInterface.interfaceNumber, endpointNumber: chosen.out.endpointNumber }
    : null;
}

/**
 * Sends ESC/POS bytes to a USB printer: one this site was allowed before, else the one the cashier
 * picks. On Windows a printer with a driver installed is held by the system and cannot be claimed.
 */
export async function printOverUsb(bytes: Uint8Array, usb: UsbLike | null = webUsb()): Promise<void> {
  if (!usb) throw new Error('This browser has no WebUSB');
  const [known] = await usb.getDevices();
  const device = known ?? (await usb.requestDevice({ filters: [] }));
  if (!device.opened) await device.open();
  try {
    if (!device.configuration) {
      const first = device.configurations?.[0]?.configurationValue ?? 1;
      await device.selectConfiguration(first);
    }
    const endpoint = device.configuration ? bulkOutEndpoint(device.configuration) : null;
    if (!endpoint) throw new Error('The USB device has no printer output');
    await device.claimInterface(endpoint.interfaceNumber);
    try {
      for (const chunk of chunksOf(bytes, USB_CHUNK)) {
        const result = await device.transferOut(endpoint.endpointNumber, new Uint8Array(chunk));
        if (result.status !== 'ok') throw new Error(`USB transfer ${result.status}`);
      }
    } finally {
      await device.releaseInterface(endpoint.interfaceNumber);
    }
  } finally {
    await device.close();
  }
}
