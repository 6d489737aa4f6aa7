import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RECEIPT_LANGUAGES,
  receiptLayout,
  whatsappReceipt,
  whatsappUrl,
  type ReceiptCustomer,
  type ReceiptFormat,
  type ReceiptLanguage,
  type ReceiptLayout,
} from '@opentill/domain';
import { printReceiptHtml, type PaperWidth } from '@opentill/domain/receipts/print';
import { recordReprint, useLiveShopSettings } from '../db';
import { getCustomer } from '../db/customers';
import { LANGUAGE_NAMES } from '../i18n';
import { Button } from '../ui/Button';
import { downloadBytes, receiptFileName } from './download';
import { adoptPrintStyles, splitPrintHtml } from './printFrame';
import { availablePrinterLinks, printOver, type PrinterLink } from './printers';
import { BAUD_RATES, DEFAULT_BAUD_RATE } from './printers/serial';
import { defaultReceiptLanguage, receiptOf, takeDrawerOpening, type ReceiptSource } from './receiptSource';

export interface ReceiptActionsProps {
  source: ReceiptSource;
  businessName: string;
  /** RX2: a reprint, marked COPY and counted. */
  copy?: boolean;
}

type Status = { text: string; failed: boolean } | null;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The customer the sale was made to, from this phone's book, for the receipt and the WhatsApp number. */
function useSaleCustomer(customerId: string | undefined): ReceiptCustomer | null {
  const [customer, setCustomer] = useState<{ id: string; value: ReceiptCustomer } | null>(null);
  useEffect(() => {
    if (!customerId) return;
    let live = true;
    void getCustomer(customerId).then((found) => {
      if (live && found) setCustomer({ id: customerId, value: { name: found.name, phone: found.phone ?? null } });
    });
    return () => {
      live = false;
    };
  }, [customerId]);
  return customer && customer.id === customerId ? customer.value : null;
}

/** The PDF renderer (pdf-lib) loads on the first "Save as PDF" or share, never with the till. */
async function makePdf(layout: ReceiptLayout): Promise<Uint8Array> {
  const { pdfReceipt } = await import('@opentill/domain/receipts/pdf');
  return pdfReceipt(layout);
}

/**
 * A sale's receipt, every way out of the phone (SPEC RX): the language for this receipt, WhatsApp,
 * the phone's share sheet, a print preview for 58 or 80 mm paper, a thermal printer over serial,
 * USB or Bluetooth (or its commands as a file), and a PDF. All of it offline, made on the phone.
 */
export function ReceiptActions({ source, businessName, copy = false }: ReceiptActionsProps) {
  const { t, i18n } = useTranslation();
  const settings = useLiveShopSettings();
  const customer = useSaleCustomer(source.sale.customerId);
  const [language, setLanguage] = useState<ReceiptLanguage>(() => defaultReceiptLanguage(i18n.language));
  const [paper, setPaper] = useState<PaperWidth | null>(null);
  const [thermalPaper, setThermalPaper] = useState<PaperWidth>(58);
  const [baudRate, setBaudRate] = useState<number>(DEFAULT_BAUD_RATE);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const links = useMemo(() => availablePrinterLinks(), []);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const layout = useMemo(
    () => receiptLayout(receiptOf(source, businessName, settings, customer, copy), language),
    [source, businessName, settings, customer, copy, language],
  );
  const text = useMemo(() => whatsappReceipt(layout), [layout]);
  const whatsapp = whatsappUrl(text, customer?.phone);
  const printPage = useMemo(() => splitPrintHtml(paper ? printReceiptHtml(layout, paper) : ''), [layout, paper]);

  const counted = (format: ReceiptFormat) => {
    // RX2: each copy given is counted on the sale and audited, once the outbox reaches the server.
    if (copy)
      void recordReprint({ sale: { deviceId: source.deviceId, localId: source.sale.localId }, format, language });
  };

  async function run(task: () => Promise<string | null>) {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      const done = await task();
      setStatus(done ? { text: done, failed: false } : null);
    } catch (error) {
      // The cashier closed the browser's chooser: nothing went wrong.
      if (error instanceof DOMException && error.name === 'AbortError') setStatus(null);
      else setStatus({ text: errorMessage(error), failed: true });
    } finally {
      setBusy(false);
    }
  }

  const savePdf = () =>
    run(async () => {
      setStatus({ text: t('receipts.pdfMaking'), failed: false });
      try {
        downloadBytes(await makePdf(layout), receiptFileName(layout.number, 'pdf'), 'application/pdf');
      } catch (error) {
        throw new Error(t('receipts.pdfFailed', { message: errorMessage(error) }), { cause: error });
      }
      counted('pdf');
      return null;
    });

  const share = () =>
    run(async () => {
      let files: File[] = [];
      try {
        const pdf = new File([new Uint8Array(await makePdf(layout))], receiptFileName(layout.number, 'pdf'), {
          type: 'application/pdf',
        });
        if (navigator.canShare?.({ files: [pdf] })) files = [pdf];
      } catch (error) {
        console.error('No PDF to share; sharing the text', error);
      }
      await navigator.share({ title: layout.title, text, ...(files.length > 0 && { files }) });
      counted(files.length > 0 ? 'pdf' : 'whatsapp');
      return null;
    });

  async function escposBytes(): Promise<Uint8Array> {
    const { escposReceipt } = await import('@opentill/domain/receipts/escpos');
    return escposReceipt(layout, { paper: thermalPaper, openDrawer: takeDrawerOpening(source, copy) });
  }

  const printThermal = (link: PrinterLink) =>
    run(async () => {
      const bytes = await escposBytes();
      try {
        await printOver(link, bytes, { baudRate });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new Error(t('receipts.printFailed', { message: errorMessage(error) }), { cause: error });
      }
      counted('escpos');
      return t('receipts.printed');
    });

  const downloadEscPos = () =>
    run(async () => {
      downloadBytes(await escposBytes(), receiptFileName(layout.number, 'bin'), 'application/octet-stream');
      counted('escpos');
      return null;
    });

  function printPreview() {
    frame.current?.contentWindow?.print();
    counted('print');
  }

  return (
    <section
      data-testid="receipt-actions"
      aria-label={t('receipts.title')}
      className="mt-4 flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <label className="flex items-center justify-between gap-3 text-sm font-medium text-slate-700">
        {t('receipts.language')}
        <select
          data-testid="receipt-language"
          value={language}
          onChange={(event) => setLanguage(event.target.value as ReceiptLanguage)}
          className="min-h-12 rounded-xl bg-white px-3 text-base ring-1 ring-slate-300"
        >
          {RECEIPT_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      {copy ? <p className="text-sm text-slate-500">{t('receipts.reprintHelp')}</p> : null}

      <a
        href={whatsapp}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="receipt-whatsapp"
        onClick={() => counted('whatsapp')}
        className="flex min-h-12 items-center justify-center rounded-xl bg-green-700 px-4 font-semibold text-white active:bg-green-800"
      >
        {customer?.phone ? t('receipts.whatsappTo', { phone: customer.phone }) : t('receipts.whatsapp')}
      </a>

      <div className="grid grid-cols-2 gap-2">
        {canShare ? (
          <Button variant="secondary" disabled={busy} onClick={() => void share()} data-testid="receipt-share">
            {t('receipts.share')}
          </Button>
        ) : null}
        <Button variant="secondary" disabled={busy} onClick={() => void savePdf()} data-testid="receipt-pdf">
          {t('receipts.pdf')}
        </Button>
        <Button variant="secondary" onClick={() => setPaper(58)} data-testid="receipt-print-58">
          {t('receipts.print58')}
        </Button>
        <Button variant="secondary" onClick={() => setPaper(80)} data-testid="receipt-print-80">
          {t('receipts.print80')}
        </Button>
      </div>

      {paper ? (
        <div className="flex flex-col items-center gap-2 rounded-xl bg-slate-100 p-2">
          <iframe
            ref={frame}
            title={t('receipts.preview', { paper })}
            srcDoc={printPage.html}
            onLoad={(event) => adoptPrintStyles(event.currentTarget, printPage.css)}
            data-testid="receipt-print-frame"
            data-paper={paper}
            className="h-96 max-w-full border-0 bg-white shadow"
            style={{ width: `${paper === 58 ? 220 : 300}px` }}
          />
          <div className="flex w-full gap-2">
            <Button onClick={printPreview} data-testid="receipt-print-now" className="flex-1">
              {t('receipts.printNow')}
            </Button>
            <Button variant="ghost" onClick={() => setPaper(null)}>
              {t('receipts.closePreview')}
            </Button>
          </div>
        </div>
      ) : null}

      <fieldset className="flex flex-col gap-2 border-t border-slate-200 pt-3">
        <legend className="pt-2 text-sm font-bold text-slate-800">{t('receipts.thermal')}</legend>
        <div
          className="flex items-center gap-2 text-sm text-slate-700"
          role="radiogroup"
          aria-label={t('receipts.paper')}
        >
          <span>{t('receipts.paper')}</span>
          {([58, 80] as const).map((width) => (
            <label key={width} className="flex min-h-12 items-center gap-1">
              <input
                type="radio"
                name="thermal-paper"
                checked={thermalPaper === width}
                onChange={() => setThermalPaper(width)}
                className="size-5 accent-brand-700"
              />
              {t('receipts.paperWidth', { paper: width })}
            </label>
          ))}
        </div>
        {links.includes('serial') ? (
          <label className="flex items-center justify-between gap-2 text-sm text-slate-700">
            {t('receipts.baud')}
            <select
              value={baudRate}
              onChange={(event) => setBaudRate(Number(event.target.value))}
              className="min-h-12 rounded-xl bg-white px-3 ring-1 ring-slate-300"
            >
              {BAUD_RATES.map((rate) => (
                <option key={rate} value={rate}>
                  {rate}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {links.map((link) => (
          <Button
            key={link}
            variant="secondary"
            disabled={busy}
            onClick={() => void printThermal(link)}
            data-testid={`receipt-printer-${link}`}
          >
            {t(LINK_LABELS[link])}
          </Button>
        ))}
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void downloadEscPos()}
          data-testid="receipt-escpos-download"
        >
          {t('receipts.download')}
        </Button>
        <p className="text-xs text-slate-500">{t('receipts.downloadHelp')}</p>
      </fieldset>

      {status ? (
        <p
          role={status.failed ? 'alert' : 'status'}
          data-testid="receipt-status"
          className={`text-sm ${status.failed ? 'text-red-700' : 'text-brand-800'}`}
        >
          {status.text}
        </p>
      ) : null}
    </section>
  );
}

const LINK_LABELS = {
  serial: 'receipts.connectSerial',
  usb: 'receipts.connectUsb',
  bluetooth: 'receipts.connectBluetooth',
} as const satisfies Record<PrinterLink, string>;

export default ReceiptActions;
