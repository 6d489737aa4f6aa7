import type { MOBILE_MONEY_PROVIDERS, TenderMethod } from '../sales/tenders.js';

import type { ReceiptLanguage } from './receiptLanguages.js';

export { RECEIPT_LANGUAGES, isReceiptLanguage, type ReceiptLanguage } from './receiptLanguages.js';

/**
 * Every word a receipt prints, per language. They live in the domain, not the app's
 * string files, because the server writes the same receipt (POST /receipts/generate)
 * and must write it word for word as the phone did. `{{x}}` marks a value.
 */
export interface ReceiptWords {
  receipt: string;
  /** VD5: a tax invoice carries the words "Tax Invoice", in English too (SPEC RX4). */
  taxInvoice: string;
  copy: string;
  vatNumber: string;
  phone: string;
  number: string;
  date: string;
  cashier: string;
  customer: string;
  buyer: string;
  buyerVatNumber: string;
  /** "2 × R 18,99" */
  quantityAt: string;
  /** "1 250 g at R 59,99/kg" */
  weighed: string;
  total: string;
  rounding: string;
  excludingVat: string;
  /** The inclusive statement and rate (VD6). */
  vatIncluded: string;
  change: string;
  cashGiven: string;
  tenders: Record<Exclude<TenderMethod, 'mobile_money'>, string>;
  mobileMoney: Record<(typeof MOBILE_MONEY_PROVIDERS)[number], string>;
  zeroRatedMark: string;
  exemptMark: string;
  thanks: string;
  keepForReturns: string;
}

const brands = { snapscan: 'SnapScan', zapper: 'Zapper', payshap: 'PayShap' } as const;

const en: ReceiptWords = {
  receipt: 'Receipt',
  taxInvoice: 'Tax Invoice',
  copy: 'COPY',
  vatNumber: 'VAT no.',
  phone: 'Tel.',
  number: 'Receipt no.',
  date: 'Date',
  cashier: 'Cashier',
  customer: 'Customer',
  buyer: 'Buyer',
  buyerVatNumber: 'Buyer’s VAT no.',
  quantityAt: '{{quantity}} × {{price}}',
  weighed: '{{grams}} g at {{price}}/kg',
  total: 'Total',
  rounding: 'Cash rounding',
  excludingVat: 'Total excl. VAT',
  vatIncluded: 'VAT at {{rate}}% included',
  change: 'Change',
  cashGiven: 'Cash given',
  tenders: { cash: 'Cash', card: 'Card', store_credit: 'Store credit', account: 'On the book' },
  mobileMoney: { ...brands, other: 'Mobile payment' },
  zeroRatedMark: 'Z = zero-rated',
  exemptMark: 'E = exempt from VAT',
  thanks: 'Thank you for shopping with us!',
  keepForReturns: 'Keep this slip for returns.',
};

const af: ReceiptWords = {
  receipt: 'Kwitansie',
  taxInvoice: 'Belastingfaktuur / Tax Invoice',
  copy: 'AFSKRIF',
  vatNumber: 'BTW-nr.',
  phone: 'Tel.',
  number: 'Kwitansie nr.',
  date: 'Datum',
  cashier: 'Kassier',
  customer: 'Klant',
  buyer: 'Koper',
  buyerVatNumber: 'Koper se BTW-nr.',
  quantityAt: '{{quantity}} × {{price}}',
  weighed: '{{grams}} g teen {{price}}/kg',
  total: 'Totaal',
  rounding: 'Kontantafronding',
  excludingVat: 'Totaal sonder BTW',
  vatIncluded: 'BTW teen {{rate}}% ingesluit',
  change: 'Kleingeld',
  cashGiven: 'Kontant gegee',
  tenders: { cash: 'Kontant', card: 'Kaart', store_credit: 'Winkelkrediet', account: 'Op rekening' },
  mobileMoney: { ...brands, other: 'Selfoonbetaling' },
  zeroRatedMark: 'Z = nulkoers',
  exemptMark: 'E = vrygestel van BTW',
  thanks: 'Dankie dat u by ons koop!',
  keepForReturns: 'Hou hierdie strokie vir terugsendings.',
};

const zu: ReceiptWords = {
  receipt: 'Irisidi',
  taxInvoice: 'Tax Invoice / I-invoyisi yentela',
  copy: 'IKHOPHI',
  vatNumber: 'Inombolo ye-VAT',
  phone: 'Ucingo',
  number: 'Inombolo yerisidi',
  date: 'Usuku',
  cashier: 'Umkhokhisi',
  customer: 'Ikhasimende',
  buyer: 'Umthengi',
  buyerVatNumber: 'Inombolo ye-VAT yomthengi',
  quantityAt: '{{quantity}} × {{price}}',
  weighed: '{{grams}} g ngo-{{price}}/kg',
  total: 'Isamba',
  rounding: 'Ukuqondanisa ukheshi',
  excludingVat: 'Isamba ngaphandle kwe-VAT',
  vatIncluded: 'I-VAT engu-{{rate}}% ifakiwe',
  change: 'Ushintshi',
  cashGiven: 'Ukheshi onikeziwe',
  tenders: { cash: 'Ukheshi', card: 'Ikhadi', store_credit: 'Ikhredithi yesitolo', account: 'Ebhukwini' },
  mobileMoney: { ...brands, other: 'Inkokhelo ngeselula' },
  zeroRatedMark: 'Z = i-VAT engu-0%',
  exemptMark: 'E = akukhokhelwa i-VAT',
  thanks: 'Siyabonga ngokuthenga kithi!',
  keepForReturns: 'Gcina le risidi uma ufuna ukubuyisa okuthile.',
};

export const RECEIPT_WORDS: Record<ReceiptLanguage, ReceiptWords> = { en, af, zu };

/** A receipt word with its values filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(values[key] ?? whole));
}
