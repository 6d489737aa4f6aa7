import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@opentill/domain';

type Details = NonNullable<ErrorBody['error']['details']>;

/** An error with a stable code (docs/API.md "Errors"); thrown anywhere, answered here. */
export class AppError extends Error {
  override readonly name = 'AppError';
  /** Sent as `Retry-After` (seconds), so a client knows when trying again can help. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Details,
    message: string = ERROR_CODES[code].message,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function errorBody(code: ErrorCode, details?: Details, message: string = ERROR_CODES[code].message): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Fastify's own error codes for body problems, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'OT_ERR_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'OT_ERR_MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'OT_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'OT_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'OT_ERR_BODY_TOO_LARGE',
};

function codeFor(error: FastifyError): ErrorCode | undefined {
  if (error instanceof AppError) return error.code;
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return mapped;
  if (error.statusCode === 429) return 'OT_ERR_RATE_LIMITED';
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR ...) from a body that is not valid gzip.
  if (typeof error.code === 'string' && error.code.startsWith('Z_')) return 'OT_ERR_BAD_ENCODING';
  // JSON.parse failures that reach us without a Fastify code.
  if (error instanceof SyntaxError && error.statusCode === 400) return 'OT_ERR_MALFORMED_JSON';
  return undefined;
}

/** Every error leaves as `{ error: { code, message } }` with the code's status. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code = codeFor(error);
    if (code) {
      const details = error instanceof AppError ? error.details : undefined;
      const message = error instanceof AppError ? error.message : ERROR_CODES[code].message;
      if (error instanceof AppError && error.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(ERROR_CODES[code].status).send(errorBody(code, details, message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('OT_ERR_INTERNAL'));
  });
}
