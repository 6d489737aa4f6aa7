/** Builders for sync requests and operations used by the integration suites. */
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type Operation, type Sale, type Session } from '@opentill/domain';

let counter = 0;

export function saleData(overrides: Partial<Sale> = {}): Sale {
  counter += 1;
  const localId = `sale_${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`;
  return {
    localId,
    items: [
      { productId: randomUUID(), name: 'Albany White Bread 700g', quantity: 2, price: 1899 },
      { productId: randomUUID(), name: 'Clover Milk 1L', quantity: 1, price: 2199 },
    ],
    totalAmount: 5997,
    paymentMethod: 'cash',
    tendered: 10000,
    change: 4003,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function saleOp(seq: number, data: Sale = saleData()): Operation {
  return { opId: randomUUID(), seq, type: 'CREATE_SALE', localId: data.localId, data };
}

export function productOp(
  seq: number,
  data: Partial<Extract<Operation, { type: 'UPSERT_PRODUCT' }>['data']> = {},
): Operation {
  const id = data.id ?? randomUUID();
  return {
    opId: randomUUID(),
    seq,
    type: 'UPSERT_PRODUCT',
    localId: id,
    data: { id, name: 'Koo Baked Beans 410g', price: 1899, barcode: '6001059000010', category: 'Groceries', ...data },
  };
}

export function syncBody(session: Session, pendingOperations: unknown[] = [], cursor: string | null = null) {
  return {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: session.device.id,
    lastSyncTimestamp: null,
    cursor,
    pendingOperations,
  };
}
