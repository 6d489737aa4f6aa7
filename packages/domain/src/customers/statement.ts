import type { BookEntry } from './book.js';
import type { Customer } from './customer.js';
import type { StoreCreditEntry } from './storeCredit.js';

/** `GET /api/v1/customers/:id/statement`: a customer's book and store credit from the server's records (CU2, CU5). */
export interface CustomerStatement {
  customer: Customer & { syncVersion: number };
  entries: BookEntry[];
  balance: number;
  /** CU1: what more may go on the book (limit − balance, never below nothing). */
  room: number;
  storeCredit: { entries: StoreCreditEntry[]; balance: number };
}
