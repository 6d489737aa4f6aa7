/** One field the server found wrong (`OT_ERR_VALIDATION` details), by the field's name. */
export interface FieldDetail {
  path: string;
  message: string;
}

/** The API's error body, `{ error: { code, message, details? } }` (docs/API.md "Errors"). */
export interface ServerError {
  code: string;
  message: string;
  details: FieldDetail[];
}

function isFieldDetail(detail: unknown): detail is FieldDetail {
  return (
    typeof detail === 'object' &&
    detail !== null &&
    typeof (detail as FieldDetail).path === 'string' &&
    typeof (detail as FieldDetail).message === 'string'
  );
}

/** Reads an error body; null when the answer is not one (a proxy's page, an empty body). */
export function readServerError(json: unknown): ServerError | null {
  if (typeof json !== 'object' || json === null || !('error' in json)) return null;
  const error = (json as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return null;
  const details = Array.isArray(error.details) ? error.details.filter(isFieldDetail) : [];
  return { code: error.code, message: error.message, details };
}
