/**
 * Builders for sync requests and operations used by the integration suites. A
 * `DeviceScript` plays one device: it numbers operations per lane and links its
 * sales into a hash chain, as the PWA does.
 */
import { randomUUID } from 'node:crypto';
import {
  LANE_OF_TYPE,
  PROTOCOL_VERSION,
  nextLink,
  type ChainLink,
  type Lane,
  type AccountPayment,
  type AdjustStock,
  type CustomerInput,
  type Operation,
  type ProductInput,
  type Sale,
  type SaleContent,
  type Session,
} from '@opentill/domain';

let counter = 0;

/** A cash sale of these lines, paid exactly. */
export function saleOf(
  lines: { productId: string; quantity: number; price?: number; batchId?: string }[],
): SaleContent {
  const items = lines.map(({ productId, quantity, price = 1000, batchId }) => ({
    productId,
    name: 'Item',
    quantity,
    price,
    ...(batchId === undefined ? {} : { batchId }),
  }));
  const total = items.reduce((sum, line) => sum + line.price * line.quantity, 0);
  return saleContentData({ items, totalAmount: total, tendered: total, change: 0 });
}

export function saleContentData(overrides: Partial<SaleContent> = {}): SaleContent {
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

/** One device's outbox: per-lane sequence numbers and the sales chain. */
export class DeviceScript {
  private readonly seqs = new Map<Lane, number>();
  private lastLink: ChainLink | null = null;

  private nextSeq(lane: Lane): number {
    const seq = (this.seqs.get(lane) ?? 0) + 1;
    this.seqs.set(lane, seq);
    return seq;
  }

  /** Links a sale's content as the device's next sale. */
  chain(content: SaleContent = saleContentData()): Sale {
    const chain = nextLink(content, this.lastLink);
    this.lastLink = chain;
    return { ...content, chain };
  }

  sale(content: SaleContent = saleContentData()): Operation {
    return this.saleOp(this.chain(content));
  }

  /** A CREATE_SALE of an already chained sale (to send a sale twice, or out of order). */
  saleOp(data: Sale): Operation {
    return {
      opId: randomUUID(),
      lane: 'high',
      seq: this.nextSeq('high'),
      type: 'CREATE_SALE',
      localId: data.localId,
      data,
    };
  }

  product(data: Partial<ProductInput> = {}): Operation {
    const id = data.id ?? randomUUID();
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.UPSERT_PRODUCT,
      seq: this.nextSeq('medium'),
      type: 'UPSERT_PRODUCT',
      localId: id,
      data: { id, name: 'Koo Baked Beans 410g', price: 1899, barcode: '6001059000010', category: 'Groceries', ...data },
    };
  }

  /** A wrong PIN for `userId` typed on this device, as the PWA reports it. */
  pinFailure(userId: string, failures: number, lockedOut = false): Operation {
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.REPORT_PIN_FAILURE,
      seq: this.nextSeq('medium'),
      type: 'REPORT_PIN_FAILURE',
      localId: randomUUID(),
      data: { userId, failures, lockedOut, at: new Date().toISOString() },
    };
  }

  /** A delivery; with `batch`, into that lot (BT8); with `purchaseOrderId`, against that order (PO5). */
  receive(
    productId: string,
    quantity: number,
    batch: { lot: string; expiresOn: string | null } | null = null,
    purchaseOrderId?: string,
  ): Operation {
    const localId = randomUUID();
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.RECEIVE_STOCK,
      seq: this.nextSeq('critical'),
      type: 'RECEIVE_STOCK',
      localId,
      data: { productId, quantity, ...batch, ...(purchaseOrderId === undefined ? {} : { purchaseOrderId }) },
    };
  }

  adjust(data: Omit<AdjustStock, 'reason'> & Partial<Pick<AdjustStock, 'reason'>>): Operation {
    const localId = randomUUID();
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.ADJUST_STOCK,
      seq: this.nextSeq('critical'),
      type: 'ADJUST_STOCK',
      localId,
      data: { reason: 'count', ...data },
    };
  }

  resolveException(exceptionId: string): Operation {
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.RESOLVE_STOCK_EXCEPTION,
      seq: this.nextSeq('critical'),
      type: 'RESOLVE_STOCK_EXCEPTION',
      localId: randomUUID(),
      data: { exceptionId },
    };
  }

  /** Stock sent to another branch (TR1). */
  dispatchTransfer(data: Extract<Operation, { type: 'DISPATCH_TRANSFER' }>['data']): Operation {
    return this.critical('DISPATCH_TRANSFER', data);
  }

  /** What arrived of a transfer, per line (TR2). */
  receiveTransfer(data: Extract<Operation, { type: 'RECEIVE_TRANSFER' }>['data']): Operation {
    return this.critical('RECEIVE_TRANSFER', data);
  }

  /** What became of a transfer's missing units (TR5). */
  resolveTransfer(data: Extract<Operation, { type: 'RESOLVE_TRANSFER' }>['data']): Operation {
    return this.critical('RESOLVE_TRANSFER', data);
  }

  /** A shift opened on this device with its float (SH1). */
  shift(localId: string, float = 0): Operation {
    return this.critical('OPEN_SHIFT', { localId, float, openedAt: new Date().toISOString() });
  }

  private critical<T extends 'DISPATCH_TRANSFER' | 'RECEIVE_TRANSFER' | 'RESOLVE_TRANSFER' | 'OPEN_SHIFT'>(
    type: T,
    data: Extract<Operation, { type: T }>['data'],
  ): Operation {
    const operation = {
      opId: randomUUID(),
      lane: 'critical',
      seq: this.nextSeq('critical'),
      type,
      localId: randomUUID(),
      data,
    };
    return operation as Operation;
  }

  /** A cash refund of these lines of one of `sellerId`'s sales (all of it by default), put back on the shelf. */
  refund(
    sale: Pick<SaleContent, 'localId' | 'items'>,
    sellerId: string,
    options: { lines?: { productId: string; quantity: number }[]; restock?: boolean } = {},
  ): Operation {
    const items = (options.lines ?? sale.items).map(({ productId, quantity }) => {
      const sold = sale.items.find((line) => line.productId === productId);
      return { productId, name: sold?.name ?? 'Item', quantity, price: sold?.price ?? 1000 };
    });
    counter += 1;
    const localId = `refund_${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`;
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.REFUND_SALE,
      seq: this.nextSeq('critical'),
      type: 'REFUND_SALE',
      localId,
      data: {
        localId,
        sale: { deviceId: sellerId, localId: sale.localId },
        items,
        amount: items.reduce((sum, line) => sum + line.price * line.quantity, 0),
        method: 'cash',
        restock: options.restock ?? true,
        reason: 'Customer returned it',
        createdAt: new Date().toISOString(),
      },
    };
  }

  /** Creates or edits a customer (high lane, so before the sales that name them). */
  customer(data: CustomerInput): Operation {
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.UPSERT_CUSTOMER,
      seq: this.nextSeq('high'),
      type: 'UPSERT_CUSTOMER',
      localId: data.id,
      data,
    };
  }

  /** A payment on `customerId`'s book (critical lane). */
  accountPayment(customerId: string, amount: number, extra: Partial<AccountPayment> = {}): Operation {
    counter += 1;
    const localId = `pay_${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`;
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.RECORD_ACCOUNT_PAYMENT,
      seq: this.nextSeq('critical'),
      type: 'RECORD_ACCOUNT_PAYMENT',
      localId,
      data: { localId, customerId, amount, method: 'cash', createdAt: new Date().toISOString(), ...extra },
    };
  }

  deleteProduct(id: string): Operation {
    return {
      opId: randomUUID(),
      lane: LANE_OF_TYPE.DELETE_PRODUCT,
      seq: this.nextSeq('medium'),
      type: 'DELETE_PRODUCT',
      localId: id,
      data: { id },
    };
  }
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
