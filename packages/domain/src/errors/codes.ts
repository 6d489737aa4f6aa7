/**
 * Every error the API returns has a stable code, an HTTP status and a human
 * message (ARCHITECTURE "Errors and input"). docs/API.md lists each code; a test
 * fails when the list and this catalogue disagree.
 */
/**
 * The two messages the device also says on its own, without a server answer to
 * carry them: named apart so the till's first screen takes these strings, not
 * the whole catalogue.
 */
export const SESSION_INVALID_MESSAGE = 'This sign-in has ended or its token is not valid. Sign in again.';
export const RATE_LIMITED_MESSAGE = 'Too many attempts: wait a minute and try again.';

export const ERROR_CODES = {
  OT_ERR_VALIDATION: { status: 400, message: 'Some fields are missing or invalid.' },
  OT_ERR_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  OT_ERR_BAD_ENCODING: { status: 400, message: 'The request body is not valid gzip.' },
  OT_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json.' },
  OT_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  OT_ERR_UNAUTHENTICATED: { status: 401, message: 'Sign in again: the device token is missing or invalid.' },
  OT_ERR_INVALID_CREDENTIALS: { status: 401, message: 'The phone number or PIN is not right.' },
  OT_ERR_DEVICE_UNKNOWN: { status: 401, message: 'This device is not registered with the shop.' },
  OT_ERR_DEVICE_MISMATCH: { status: 403, message: 'The device id does not match the signed-in device.' },
  OT_ERR_FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  OT_ERR_ALERT_NOT_FOUND: { status: 404, message: 'There is no such open alert in this shop.' },
  OT_ERR_SESSION_INVALID: { status: 401, message: SESSION_INVALID_MESSAGE },
  OT_ERR_SESSION_NOT_FOUND: { status: 404, message: 'There is no such session in this shop.' },
  OT_ERR_STAFF_NOT_FOUND: { status: 404, message: 'There is no such person in this shop.' },
  OT_ERR_BRANCH_NOT_FOUND: { status: 404, message: 'There is no such branch in this shop.' },
  OT_ERR_PRODUCT_NOT_FOUND: { status: 404, message: 'There is no such product in this shop, or it was deleted.' },
  OT_ERR_BRANCH_NAME_TAKEN: { status: 409, message: 'This shop already has a branch with that name.' },
  OT_ERR_DEVICE_SHIFT_OPEN: {
    status: 409,
    message: 'A shift is open on this device: close it at its branch before moving the device to another.',
  },
  OT_ERR_SUPPLIER_NOT_FOUND: { status: 404, message: 'There is no such supplier in this shop.' },
  OT_ERR_SUPPLIER_NAME_TAKEN: { status: 409, message: 'This shop already has a supplier with that name.' },
  OT_ERR_SUPPLIER_INACTIVE: {
    status: 409,
    message: 'This supplier is marked inactive: make them active again to order from them.',
  },
  OT_ERR_PURCHASE_ORDER_NOT_FOUND: { status: 404, message: 'There is no such purchase order in this shop.' },
  OT_ERR_PURCHASE_ORDER_STATUS: {
    status: 409,
    message: 'This purchase order is past the step where that can be done (see its status).',
  },
  OT_ERR_PRODUCT_UNKNOWN: { status: 400, message: 'A product given is not one of this shop’s.' },
  OT_ERR_SHIFT_NOT_FOUND: { status: 404, message: 'There is no such shift of that device in this shop.' },
  OT_ERR_SALE_NOT_FOUND: { status: 404, message: 'No sale of this shop has that receipt number or code.' },
  OT_ERR_RECEIPT_LINK_INVALID: { status: 403, message: 'This receipt link is not valid: ask the shop for a new one.' },
  OT_ERR_RECEIPT_LINK_EXPIRED: { status: 403, message: 'This receipt link has expired: ask the shop for a new one.' },
  OT_ERR_RECEIPT_FILE_NOT_FOUND: {
    status: 404,
    message: 'This receipt file is no longer kept: ask the shop to send the receipt again.',
  },
  OT_ERR_CUSTOMER_NOT_FOUND: { status: 404, message: 'There is no such customer in this shop.' },
  OT_ERR_DEVICE_NOT_FOUND: { status: 404, message: 'There is no such device in this shop, or it is revoked already.' },
  OT_ERR_BRANCH_UNKNOWN: { status: 400, message: 'A branch given is not one of this shop’s.' },
  OT_ERR_PHONE_TAKEN: { status: 409, message: 'A shop is already registered with this phone number.' },
  OT_ERR_DEVICE_TAKEN: { status: 409, message: 'This device id is already registered to another shop.' },
  OT_ERR_EMAIL_TAKEN: { status: 409, message: 'An account already signs in with this email address.' },
  OT_ERR_PASSWORD_REJECTED: {
    status: 400,
    message: 'Choose another password: this one breaks a password rule (see the details).',
  },
  OT_ERR_PASSWORD_WRONG: { status: 403, message: 'The current password is not right.' },
  OT_ERR_NOT_PASSWORD_ACCOUNT: {
    status: 409,
    message: 'This account signs in with a phone number and PIN: it has no password or two-factor.',
  },
  OT_ERR_MFA_REQUIRED: { status: 401, message: 'Enter the 6-digit code from your authenticator app.' },
  OT_ERR_MFA_INVALID: {
    status: 401,
    message: 'That code is not right or was used already. Enter the newest code from your app.',
  },
  OT_ERR_MFA_NOT_STARTED: { status: 409, message: 'Start setting up two-factor first: there is no code to confirm.' },
  OT_ERR_MFA_ALREADY_ENABLED: { status: 409, message: 'Two-factor sign-in is already on for this account.' },
  OT_ERR_PROTOCOL_UNSUPPORTED: { status: 426, message: 'This app is out of date: reload it to update.' },
  OT_ERR_NOT_FOUND: { status: 404, message: 'Nothing is found at this address.' },
  OT_ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  OT_ERR_RATE_LIMITED: { status: 429, message: RATE_LIMITED_MESSAGE },
  OT_ERR_LOCKED_OUT: { status: 429, message: 'Too many wrong attempts: locked for a while.' },
  OT_ERR_NOT_READY: { status: 503, message: 'The server is starting or its database is not answering.' },
  OT_ERR_INTERNAL: { status: 500, message: 'Something went wrong on the server. Nothing was changed.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Codes a sync operation can be rejected with. These travel inside a 200 sync
 * response (one operation's answer), not as the status of the request.
 */
export const OPERATION_ERROR_CODE_NAMES = [
  'OT_ERR_SEQUENCE_GAP',
  'OT_ERR_OPERATION_MISMATCH',
  'OT_ERR_SALE_INVALID',
  'OT_ERR_REFUND_INVALID',
  'OT_ERR_TIMESTAMP_FUTURE',
  'OT_ERR_RECORD_CONFLICT',
  'OT_ERR_CHAIN_INVALID',
  'OT_ERR_LANE_MISMATCH',
  'OT_ERR_EXCEPTION_UNKNOWN',
  'OT_ERR_BATCH_EXPIRED',
  'OT_ERR_BATCH_UNKNOWN',
  'OT_ERR_BATCH_INSUFFICIENT',
  'OT_ERR_BATCH_NOT_IN_SALE',
  'OT_ERR_TRANSFER_SAME_BRANCH',
  'OT_ERR_TRANSFER_SHORT',
  'OT_ERR_TRANSFER_UNKNOWN',
  'OT_ERR_TRANSFER_RECEIVED',
  'OT_ERR_TRANSFER_LINES',
  'OT_ERR_TRANSFER_NOT_SHORT',
  'OT_ERR_TRANSFER_RESOLVED',
  'OT_ERR_LOT_EXPIRY_MISMATCH',
  'OT_ERR_SHIFT_UNKNOWN',
  'OT_ERR_SHIFT_CLOSED',
  'OT_ERR_ACTOR_UNKNOWN',
  'OT_ERR_NOT_PERMITTED',
  'OT_ERR_DEVICE_REVOKED',
  'OT_ERR_CUSTOMER_STALE',
] as const;

export type OperationErrorCode = (typeof OPERATION_ERROR_CODE_NAMES)[number];

/** Each operation error's message (the device shows the server's, so only the server reads these). */
export const OPERATION_ERROR_CODES = {
  OT_ERR_SEQUENCE_GAP: 'An earlier operation from this device has not arrived yet.',
  OT_ERR_OPERATION_MISMATCH: 'This operation id was already used with different content.',
  OT_ERR_SALE_INVALID: 'The sale does not add up: its total, tender or change is wrong.',
  OT_ERR_REFUND_INVALID: 'The refund does not add up: its amount is not the sum of its lines.',
  OT_ERR_TIMESTAMP_FUTURE: 'The record is dated more than a day in the future.',
  OT_ERR_RECORD_CONFLICT: 'This record id already belongs to another shop.',
  OT_ERR_CHAIN_INVALID: "The sale's chain hash does not match its content.",
  OT_ERR_LANE_MISMATCH: 'This operation was sent in the wrong lane.',
  OT_ERR_EXCEPTION_UNKNOWN: 'This stock exception does not exist at this branch.',
  OT_ERR_BATCH_EXPIRED: 'This lot has expired: it cannot go onto the shelf. Return it to the supplier.',
  OT_ERR_BATCH_UNKNOWN: 'This batch does not exist for this product at this branch.',
  OT_ERR_BATCH_INSUFFICIENT: 'This batch does not hold that many units.',
  OT_ERR_BATCH_NOT_IN_SALE: 'This batch is not one the sale took its units from.',
  OT_ERR_TRANSFER_SAME_BRANCH: 'A transfer goes to another branch than the one it leaves.',
  OT_ERR_TRANSFER_SHORT:
    'This branch does not hold the units this transfer sends (expired batches are never sent). Count first.',
  OT_ERR_TRANSFER_UNKNOWN: 'There is no such transfer to this branch, or no such branch to send it to.',
  OT_ERR_TRANSFER_RECEIVED: 'This transfer was already received: its units are counted once.',
  OT_ERR_TRANSFER_LINES: 'Say what arrived for each line of the transfer, never more than was sent.',
  OT_ERR_TRANSFER_NOT_SHORT: 'Only a transfer received short has missing units to resolve.',
  OT_ERR_TRANSFER_RESOLVED: 'This transfer’s missing units were already resolved.',
  OT_ERR_LOT_EXPIRY_MISMATCH:
    'This branch already holds this lot with another expiry date. Check the date on the pack: a lot has one expiry.',
  OT_ERR_SHIFT_UNKNOWN: 'This device has no shift with this id.',
  OT_ERR_SHIFT_CLOSED: 'This shift is already closed.',
  OT_ERR_ACTOR_UNKNOWN: 'The person who did this is not staff of this shop.',
  OT_ERR_NOT_PERMITTED: 'The person who did this may not do it, or not at this branch.',
  OT_ERR_DEVICE_REVOKED: 'The owner removed this device from the shop: only its sales are still accepted.',
  OT_ERR_CUSTOMER_STALE:
    'This customer was changed on another device first: the shop kept that version, which this phone now shows. Make the change again if it is still needed.',
} as const satisfies Record<OperationErrorCode, string>;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** `code`: a finer reason where a field can fail several ways (e.g. `PASSWORD_TOO_SHORT`). */
    details?: readonly { path: string; message: string; code?: string }[];
  };
}
