import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { enCustomers } from '../i18n/enCustomers';
import { statementText, whatsAppLink } from './statementMessage';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: { ...en, ...enCustomers } } },
    interpolation: { escapeValue: false },
  });
});

describe('the statement sent on WhatsApp (SPEC CU2)', () => {
  // formatRands keeps "R" and the amount together with a no-break space (M5), in a chat too.
  it('names the shop and customer, lists the book with dates, and ends with the balance and limit', () => {
    const text = statementText(
      {
        shop: "Nomsa's Spaza",
        name: 'Thandi Mokoena',
        creditLimit: 20_000,
        entries: [
          { at: '2026-11-28T09:00:00+02:00', kind: 'sale', reference: 'sale_1', amount: 15_000, balance: 15_000 },
          { at: '2026-11-29T10:00:00+02:00', kind: 'payment', reference: 'pay_1', amount: -10_000, balance: 5000 },
          { at: '2026-11-30T11:00:00+02:00', kind: 'sale', reference: 'sale_2', amount: 8000, balance: 13_000 },
        ],
        balance: 13_000,
        at: new Date('2026-11-30T12:00:00+02:00'),
      },
      i18n.t,
    );
    expect(text).toBe(
      [
        "Nomsa's Spaza: statement for Thandi Mokoena",
        'Date: 30 Nov 2026',
        '',
        '28 Nov 2026  Bought on the book  R\u00a0150,00',
        '29 Nov 2026  Paid  R\u00a0100,00',
        '30 Nov 2026  Bought on the book  R\u00a080,00',
        '',
        'Balance owed: R\u00a0130,00',
        'Credit limit: R\u00a0200,00',
        'Thank you!',
      ].join('\n'),
    );
  });

  it('says when nothing is on the book, and leaves out a limit the customer does not have', () => {
    const text = statementText(
      { shop: 'Shop', name: 'Sipho', creditLimit: null, entries: [], balance: 0, at: new Date('2026-11-30T12:00:00Z') },
      i18n.t,
    );
    expect(text).toContain('Nothing on the book.');
    expect(text).toContain('Balance owed: R\u00a00,00');
    expect(text).not.toContain('Credit limit');
  });

  it('links to wa.me with the number in digits and the text URL-encoded; no number, no link', () => {
    expect(whatsAppLink('+27825551234', 'Owes R 130,00 & more\nThanks')).toBe(
      'https://wa.me/27825551234?text=Owes%20R%20130%2C00%20%26%20more%0AThanks',
    );
    expect(whatsAppLink(null, 'x')).toBeNull();
  });
});
