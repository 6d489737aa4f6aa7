import { describe, expect, it } from 'vitest';
import { buyerFromDraft, EMPTY_BUYER } from './buyerDraft';

const shop = { name: 'Spaza', address: '12 Vilakazi St', vatNumber: '4123456789' };

describe('the buyer of a full tax invoice (VD4)', () => {
  it('is not asked for a smaller sale or a shop not registered for VAT', () => {
    expect(buyerFromDraft(EMPTY_BUYER, 'abridged_tax_invoice', shop)).toBeNull();
    expect(buyerFromDraft(EMPTY_BUYER, 'receipt', { ...shop, vatNumber: null })).toBeNull();
  });

  it('needs a name and an address; the VAT number only if given, and then a valid one', () => {
    expect(buyerFromDraft(EMPTY_BUYER, 'full_tax_invoice', shop)).toEqual({
      problems: ['recipientName', 'recipientAddress'],
    });
    const draft = { name: ' Ubuntu Builders ', address: '4 Main Rd, Durban', vatNumber: '' };
    expect(buyerFromDraft(draft, 'full_tax_invoice', shop)).toEqual({
      buyer: { name: 'Ubuntu Builders', address: '4 Main Rd, Durban', vatNumber: null },
    });
    expect(buyerFromDraft({ ...draft, vatNumber: '123' }, 'full_tax_invoice', shop)).toEqual({
      problems: ['vatNumber'],
    });
    expect(buyerFromDraft({ ...draft, vatNumber: '4 987 654 321' }, 'full_tax_invoice', shop)).toEqual({
      buyer: { name: 'Ubuntu Builders', address: '4 Main Rd, Durban', vatNumber: '4987654321' },
    });
  });

  it('does not hold up the sale for the shop’s own missing address', () => {
    const draft = { name: 'Ubuntu Builders', address: '4 Main Rd', vatNumber: '' };
    expect(buyerFromDraft(draft, 'full_tax_invoice', { ...shop, address: null })).toHaveProperty('buyer');
  });
});
