import {
  cents,
  type Acknowledgment,
  type Lane,
  type Product,
  type SaleContent,
  type Session,
  type StockException,
} from '@opentill/domain';
import type { PulledPage } from '../db';

/** Test data only: never imported by the app. */
export const PRODUCT_ID = '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11';
export const OTHER_PRODUCT_ID = '5d2e9a70-3c4b-4f1a-8e6d-1a2b3c4d5e6f';
export const EXCEPTION_ID = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';

/** A refresh token as the server makes them: `<tenant id>.<43 base64url characters>`. */
export const TEST_REFRESH_TOKEN = '11111111-1111-4111-8111-111111111111.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A session whose access token lasts till 2100, so tests that are not about refreshing never refresh. */
export function testSession(deviceId = '7c1e2d3f-4a5b-4c6d-8e7f-901a2b3c4d5e'): Session {
  return {
    token: 'test-token',
    tokenExpiresAt: '2100-01-01T00:00:00.000Z',
    refreshToken: TEST_REFRESH_TOKEN,
    refreshNonce: 'test-nonce',
    tenant: { id: '11111111-1111-4111-8111-111111111111', businessName: "Nomsa's Spaza" },
    branch: { id: '22222222-2222-4222-8222-222222222222', name: 'Main' },
    user: { id: '33333333-3333-4333-8333-333333333333', name: 'Nomsa Dlamini', role: 'OWNER' },
    device: { id: deviceId },
  };
}

let saleCounter = 0;

/** A consistent cash sale: 2 × R18,99 = R37,98, R50 tendered, R12,02 change. */
export function testSale(overrides: Partial<SaleContent> = {}): SaleContent {
  saleCounter += 1;
  return {
    localId: `sale_test${String(saleCounter).padStart(12, '0')}`,
    items: [{ productId: PRODUCT_ID, name: 'Albany White Bread 700g', quantity: 2, price: cents(1899) }],
    totalAmount: cents(3798),
    paymentMethod: 'cash',
    tendered: cents(5000),
    change: cents(1202),
    createdAt: '2026-11-23T14:22:00+02:00',
    ...overrides,
  };
}

export function testProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: PRODUCT_ID,
    name: 'Albany White Bread 700g',
    price: 1899,
    barcode: '6001253010123',
    category: 'Bakery',
    isActive: true,
    trackStock: false,
    oversellPolicy: null,
    syncVersion: 1,
    lastModified: '2026-11-23T14:45:00.000Z',
    ...overrides,
  };
}

/** An open oversell of the test product at the device's branch: one unit short. */
export function testStockException(overrides: Partial<StockException> = {}): StockException {
  return {
    id: EXCEPTION_ID,
    productId: PRODUCT_ID,
    productName: 'Albany White Bread 700g',
    kind: 'OVERSELL',
    shortfall: 1,
    saleIds: ['44444444-4444-4444-8444-444444444444'],
    status: 'open',
    resolution: null,
    createdAt: '2026-11-23T15:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

export function ack(
  operation: { opId: string; lane: Lane; seq: number; localId: string },
  status: Acknowledgment['status'],
  error?: Acknowledgment['error'],
): Acknowledgment {
  return {
    opId: operation.opId,
    lane: operation.lane,
    seq: operation.seq,
    localId: operation.localId,
    status,
    ...(status === 'created' || status === 'updated' ? { serverId: crypto.randomUUID() } : {}),
    ...(error ? { error } : {}),
  };
}

/** A pull page: nothing pulled but what is given. */
export function pageOf(page: Partial<PulledPage> = {}): PulledPage {
  return { products: [], stock: [], stockExceptions: [], ...page };
}
