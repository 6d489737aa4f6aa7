import type { FastifyInstance } from 'fastify';
import { generateReceiptRequestSchema } from '@opentill/domain';
import { claimsOf, publicRoute, requireAction, type DeviceCheck } from '../http/guard.js';
import { parseInput } from '../http/validate.js';
import type { TokenService } from '../auth/tokens.js';
import type { ReceiptsService } from './receipts.service.js';

/** A query value given once; a repeated one is an array, which no link has. */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Receipts the server writes (RX1, RX3): for whoever may look at past sales (`sales:read`),
 * in the token's shop only; and the PDFs behind their signed links, for whoever holds
 * one (the link is the capability, D32), so a customer opens it without an account.
 */
export function receiptRoutes(receipts: ReceiptsService, tokens: TokenService, activeDevice: DeviceCheck) {
  return async (app: FastifyInstance) => {
    app.post('/receipts/generate', requireAction(tokens, 'sales:read', activeDevice), async (request) => {
      const answer = await receipts.generate(claimsOf(request), parseInput(generateReceiptRequestSchema, request.body));
      // Absolute, so the link works pasted into WhatsApp; behind a proxy, OPENTILL_TRUST_PROXY gives the public origin.
      return { ...answer, pdfUrl: `${request.protocol}://${request.host}${answer.pdfUrl}` };
    });

    app.get<{ Params: { tenantId: string; file: string }; Querystring: Record<string, unknown> }>(
      '/receipts/files/:tenantId/:file',
      publicRoute,
      async (request, reply) => {
        const { tenantId, file } = request.params;
        const query = request.query;
        const found = await receipts.file(`${tenantId}/${file}`, {
          expires: text(query.expires),
          number: text(query.number),
          signature: text(query.signature),
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${found.filename}"`)
          .header('cache-control', 'private, no-store')
          .header('x-robots-tag', 'noindex')
          .send(Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength));
      },
    );
  };
}
