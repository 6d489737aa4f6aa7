import type { Action } from '../auth/permissions.js';
import type { OperationContent } from '../stock/deviceStock.js';

/**
 * The action each operation needs of the person who did it (SPEC ID3): the
 * server checks it per operation, against the actor's role and branches, as it
 * was when the push arrives. A count is `stock:count`; other adjustments, and
 * accepting an exception's figure, are `stock:adjust`.
 */
export function actionOfOperation(operation: OperationContent): Action {
  switch (operation.type) {
    case 'CREATE_SALE':
      return 'sales:create';
    case 'REFUND_SALE':
      return operation.data.kind === 'void' ? 'sales:void' : 'sales:refund';
    case 'UPSERT_PRODUCT':
    case 'DELETE_PRODUCT':
      return 'product:write';
    case 'RECEIVE_STOCK':
      return 'stock:receive';
    case 'ADJUST_STOCK':
      return operation.data.reason === 'count' ? 'stock:count' : 'stock:adjust';
    case 'RESOLVE_STOCK_EXCEPTION':
      return 'stock:adjust';
    case 'DISPATCH_TRANSFER':
    case 'RECEIVE_TRANSFER':
      return 'stock:transfer';
    // TR5: writing units off as lost, or back into stock, is a manager's call.
    case 'RESOLVE_TRANSFER':
      return 'stock:approve';
    case 'OPEN_SHIFT':
    case 'RECORD_CASH_MOVEMENT':
    case 'CLOSE_SHIFT':
      return 'shift:open';
    case 'UPSERT_CUSTOMER':
      // CU4: raising a credit limit also needs `customer:credit`, checked against the server's current limit.
      return 'customer:write';
    case 'RECORD_ACCOUNT_PAYMENT':
      return 'customer:credit';
    case 'REPORT_PIN_FAILURE':
      // Whoever is at the device when a PIN is mistyped; every role syncs.
      return 'sync:push';
    case 'RECORD_REPRINT':
      // RX2: any cashier gives a customer their receipt again; the count and the audit log are the control.
      return 'sync:push';
  }
}
