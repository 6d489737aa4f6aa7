import {
  buildReceipt,
  isReceiptLanguage,
  tendersOf,
  type Receipt,
  type ReceiptCustomer,
  type ReceiptLanguage,
  type SaleContent,
  type ShopSettings,
} from '@opentill/domain';

/**
 * A sale a receipt is made of: this phone's own (a `LocalSale` carries its cashier) or one the
 * Sales tab found through the server, with the device that sold it and the number on its slip.
 */
export interface ReceiptSource {
  sale: SaleContent;
  deviceId: string;
  /** Null for a sale made before receipt numbers; its reference stands in. */
  receiptNumber: string | null;
  cashier: string | null;
}

/** The shop's details a receipt names (VD6): the business name from the session, the rest from the shop's settings. */
export function receiptShop(businessName: string, settings: ShopSettings | null | undefined) {
  return {
    name: businessName,
    address: settings?.address ?? null,
    phone: settings?.phone ?? null,
    vatNumber: settings?.vatNumber ?? null,
  };
}

/** RX1 for the phone: the receipt of `source`, a reprint when `copy` (RX2). */
export function receiptOf(
  source: ReceiptSource,
  businessName: string,
  settings: ShopSettings | null | undefined,
  customer: ReceiptCustomer | null,
  copy: boolean,
): Receipt {
  return buildReceipt({
    sale: source.sale,
    deviceId: source.deviceId,
    number: source.receiptNumber ?? source.sale.localId,
    shop: receiptShop(businessName, settings),
    cashier: source.cashier,
    customer,
    copy,
  });
}

/** The receipt's language to start with: the app's, when a receipt can be written in it, else English. */
export function defaultReceiptLanguage(appLanguage: string): ReceiptLanguage {
  const base = appLanguage.split('-')[0] ?? '';
  return isReceiptLanguage(base) ? base : 'en';
}

/** Whether any of the sale was paid in cash: its first print may open the cash drawer. */
export const paidInCash = (sale: SaleContent) => tendersOf(sale).some((tender) => tender.method === 'cash');

/** The sales whose first print has gone out on this page: the drawer opens once per sale, never on a reprint. */
const printedSales = new Set<string>();

/**
 * Whether this ESC/POS print should open the cash drawer: the first print of a sale paid (partly)
 * in cash, not a copy. Marks the sale printed when it says yes.
 */
export function takeDrawerOpening(source: Pick<ReceiptSource, 'sale' | 'deviceId'>, copy: boolean): boolean {
  const key = `${source.deviceId}/${source.sale.localId}`;
  if (copy || !paidInCash(source.sale) || printedSales.has(key)) return false;
  printedSales.add(key);
  return true;
}

/**
 * A sale the Sales tab found, as a receipt source: this phone's own carries its cashier beside the
 * sale (`LocalSale.cashier`), one found through the server names them (`FoundSale.cashier`).
 */
export function receiptSourceOf(found: {
  deviceId: string;
  receiptNumber: string | null;
  sale: SaleContent & { cashier?: { name: string } };
  cashier?: string | null;
}): ReceiptSource {
  return {
    sale: found.sale,
    deviceId: found.deviceId,
    receiptNumber: found.receiptNumber,
    cashier: found.sale.cashier?.name ?? found.cashier ?? null,
  };
}
