import type {
  PurchaseOrder,
  PurchaseOrderInput,
  PurchaseOrderPatch,
  Supplier,
  SupplierInput,
  SupplierPatch,
} from '@opentill/domain';
import { tokenRequest, type ApiResult } from '../api/tokenRequest';

// Online only (SPEC PO1–PO4): suppliers and orders change who the shop buys from, so the owner sees the answer at once.

const mapped = <T>(answer: ApiResult<unknown>, take: (value: unknown) => T): ApiResult<T> =>
  answer.ok ? { ok: true, value: take(answer.value) } : answer;

export async function fetchSuppliers(): Promise<ApiResult<Supplier[]>> {
  return mapped(
    await tokenRequest('GET', '/api/v1/suppliers'),
    (value) => (value as { suppliers: Supplier[] }).suppliers,
  );
}

/** Adds a supplier, or changes one when `id` is given. */
export async function saveSupplier(input: SupplierInput | SupplierPatch, id?: string): Promise<ApiResult<Supplier>> {
  const answer = id
    ? await tokenRequest('PATCH', `/api/v1/suppliers/${id}`, input)
    : await tokenRequest('POST', '/api/v1/suppliers', input);
  return mapped(answer, (value) => value as Supplier);
}

export async function fetchPurchaseOrders(): Promise<ApiResult<PurchaseOrder[]>> {
  return mapped(
    await tokenRequest('GET', '/api/v1/purchase-orders'),
    (value) => (value as { purchaseOrders: PurchaseOrder[] }).purchaseOrders,
  );
}

export async function createPurchaseOrder(input: PurchaseOrderInput): Promise<ApiResult<PurchaseOrder>> {
  return mapped(await tokenRequest('POST', '/api/v1/purchase-orders', input), (value) => value as PurchaseOrder);
}

/** Changes a draft's supplier or lines (PO3); `lines` replaces them all. */
export async function changePurchaseOrder(id: string, patch: PurchaseOrderPatch): Promise<ApiResult<PurchaseOrder>> {
  return mapped(await tokenRequest('PATCH', `/api/v1/purchase-orders/${id}`, patch), (value) => value as PurchaseOrder);
}

/** Marks the order sent (PO4), after the PDF was saved or WhatsApp opened. */
export async function markPurchaseOrderSent(id: string): Promise<ApiResult<PurchaseOrder>> {
  return mapped(await tokenRequest('POST', `/api/v1/purchase-orders/${id}/send`), (value) => value as PurchaseOrder);
}

export async function cancelPurchaseOrder(id: string): Promise<ApiResult<PurchaseOrder>> {
  return mapped(await tokenRequest('POST', `/api/v1/purchase-orders/${id}/cancel`), (value) => value as PurchaseOrder);
}
