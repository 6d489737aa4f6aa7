import type { ReceiptLayout, ReceiptRow } from './receiptLayout.js';

const RULE = '────────────';

/** WhatsApp's bold: `*text*`. Stars inside a shop's or product's name would break it, so they go. */
const bold = (text: string) => `*${text.replaceAll('*', '')}*`;

const row = ({ label, amount, strong }: ReceiptRow) => (strong ? bold(`${label}: ${amount}`) : `${label}: ${amount}`);

/**
 * RX5: the receipt as a WhatsApp message in seed 000's style ("🧾 *RECEIPT*\n📍 Nomsa's
 * Spaza\n..."): bold title and total, emoji as signposts, one fact per line.
 */
export function whatsappReceipt(layout: ReceiptLayout): string {
  const lines = [`🧾 ${bold(layout.title.toUpperCase())}`];
  if (layout.copy) lines.push(bold(layout.copy));
  lines.push(`📍 ${bold(layout.shopName)}`, ...layout.shopLines, RULE);
  lines.push(...layout.details.map(row));
  if (layout.buyerLines.length > 0) lines.push(RULE, ...layout.buyerLines);
  lines.push(RULE);
  for (const item of layout.items) {
    const name = item.mark ? `${item.name} (${item.mark})` : item.name;
    lines.push(item.detail ? `${name}\n   ${item.detail} = ${item.amount}` : `${name}: ${item.amount}`);
  }
  lines.push(RULE, ...layout.totals.map((total) => (total.strong ? `💰 ${row(total)}` : row(total))));
  lines.push(...layout.payments.map(row), RULE, ...layout.legend);
  lines.push(`🙏 ${layout.thanks}`, `↩️ ${layout.keepForReturns}`);
  return lines.join('\n');
}

/**
 * RX5: a wa.me link that opens WhatsApp with the receipt typed in: to the customer's
 * number when known (South African 0XX numbers become 27XX), else to a contact the
 * cashier picks.
 */
export function whatsappUrl(text: string, phone?: string | null): string {
  const digits = phone?.replace(/\D/g, '') ?? '';
  const international = digits.startsWith('0') ? `27${digits.slice(1)}` : digits;
  return `https://wa.me/${international.length >= 9 ? international : ''}?text=${encodeURIComponent(text)}`;
}
