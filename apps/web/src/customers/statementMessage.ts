import { cents, formatRands, type BookEntry } from '@opentill/domain';
import type { TFunction } from 'i18next';

export interface StatementFacts {
  shop: string;
  name: string;
  creditLimit: number | null;
  entries: readonly BookEntry[];
  balance: number;
  /** When it is sent: the statement's date. */
  at: Date;
}

const day = (at: Date | string) =>
  new Intl.DateTimeFormat('en-ZA', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(at));
// A payment or refund is money off the book: shown as a plain amount beside its words.
const rands = (amount: number) => formatRands(cents(Math.abs(amount)));

/**
 * A customer's statement as plain text for a chat message (CU2): the shop, the
 * customer, each entry of the book with its date, what they owe and their limit.
 */
export function statementText(facts: StatementFacts, t: TFunction): string {
  const lines = [
    t('customers.statement.heading', { shop: facts.shop, name: facts.name }),
    t('customers.statement.date', { date: day(facts.at) }),
    '',
    ...(facts.entries.length === 0
      ? [t('customers.statement.nothing')]
      : facts.entries.map((entry) =>
          t(`customers.statement.${entry.kind}`, { date: day(entry.at), amount: rands(entry.amount) }),
        )),
    '',
    t('customers.statement.balance', { amount: formatRands(cents(Math.max(facts.balance, 0))) }),
    ...(facts.creditLimit === null ? [] : [t('customers.statement.limit', { amount: rands(facts.creditLimit) })]),
    t('customers.statement.thanks'),
  ];
  return lines.join('\n');
}

/**
 * The `https://wa.me/<number>?text=` link that opens WhatsApp with the statement
 * typed out for the customer's number (international form, digits only). Null
 * without a number.
 */
export function whatsAppLink(phone: string | null, text: string): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits === '') return null;
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}
