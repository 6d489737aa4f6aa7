import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import {
  purchaseOrderInputSchema,
  purchaseOrderPatchSchema,
  supplierInputSchema,
  supplierPatchSchema,
} from '@opentill/domain';
import { requestContext } from '../http/request-context.js';
import { claimsOf, requireAction, requireAnyAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { SupplierService } from './suppliers.service.js';
import type { PurchaseOrderService } from './purchase-orders.service.js';

const idParams = z.object({ id: z.uuid() });

/**
 * Suppliers and purchase orders (SPEC PO): managed online by whoever may
 * (`supplier:write`), read also by whoever receives deliveries (`stock:receive`),
 * who receives against an order through sync (RECEIVE_STOCK with `purchaseOrderId`).
 */
export function supplierRoutes(
  suppliers: SupplierService,
  orders: PurchaseOrderService,
  tokens: TokenService,
  activeDevice: DeviceCheck,
) {
  const write = requireAction(tokens, 'supplier:write', activeDevice);
  const read = requireAnyAction(tokens, ['supplier:write', 'stock:receive'], activeDevice);
  return async (app: FastifyInstance) => {
    app.get('/suppliers', read, async (request) => ({ suppliers: await suppliers.list(claimsOf(request)) }));
    app.post('/suppliers', write, async (request, reply) => {
      const input = parseInput(supplierInputSchema, request.body);
      return reply.status(201).send(await suppliers.add(claimsOf(request), input, requestContext(request)));
    });
    app.patch('/suppliers/:id', write, async (request) => {
      const { id } = parseInput(idParams, request.params);
      const patch = parseInput(supplierPatchSchema, request.body);
      return suppliers.change(claimsOf(request), id, patch, requestContext(request));
    });

    app.get('/purchase-orders', read, async (request) => ({ purchaseOrders: await orders.list(claimsOf(request)) }));
    app.get('/purchase-orders/:id', read, async (request) => {
      const { id } = parseInput(idParams, request.params);
      return orders.get(claimsOf(request), id);
    });
    app.post('/purchase-orders', write, async (request, reply) => {
      const input = parseInput(purchaseOrderInputSchema, request.body);
      return reply.status(201).send(await orders.create(claimsOf(request), input, requestContext(request)));
    });
    app.patch('/purchase-orders/:id', write, async (request) => {
      const { id } = parseInput(idParams, request.params);
      const patch = parseInput(purchaseOrderPatchSchema, request.body);
      return orders.change(claimsOf(request), id, patch, requestContext(request));
    });
    app.post('/purchase-orders/:id/send', write, async (request) => {
      const { id } = parseInput(idParams, request.params);
      return orders.send(claimsOf(request), id, requestContext(request));
    });
    app.post('/purchase-orders/:id/cancel', write, async (request) => {
      const { id } = parseInput(idParams, request.params);
      return orders.cancel(claimsOf(request), id, requestContext(request));
    });
  };
}
