import { printOverBluetooth, webBluetooth } from './bluetooth';
import { printOverSerial, webSerial } from './serial';
import { printOverUsb, webUsb } from './usb';

export type PrinterLink = 'serial' | 'usb' | 'bluetooth';

/** Chromium's `document.featurePolicy`: whether the page's Permissions-Policy lets it use a feature. */
function allowed(feature: string): boolean {
  const policy = (document as Document & { featurePolicy?: { allowsFeature(name: string): boolean } }).featurePolicy;
  return policy ? policy.allowsFeature(feature) : true;
}

/**
 * The printer links this browser has and the page may use (none on iPhones and Firefox: "Download
 * for printer" remains).
 */
export function availablePrinterLinks(): PrinterLink[] {
  const links: PrinterLink[] = [];
  if (webSerial() && allowed('serial')) links.push('serial');
  if (webUsb() && allowed('usb')) links.push('usb');
  if (webBluetooth() && allowed('bluetooth')) links.push('bluetooth');
  return links;
}

/** Sends ESC/POS bytes over `link`. */
export function printOver(link: PrinterLink, bytes: Uint8Array, options: { baudRate?: number } = {}): Promise<void> {
  switch (link) {
    case 'serial':
      return printOverSerial(bytes, options);
    case 'usb':
      return printOverUsb(bytes);
    case 'bluetooth':
      return printOverBluetooth(bytes);
  }
}
