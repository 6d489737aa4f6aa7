import * as z from 'zod/mini';
import { ROLES } from './permissions.js';

/**
 * South African mobile and landline numbers in any common spelling
 * ("082 123 4567", "+27 82 123 4567", "0027821234567") become E.164 ("+27821234567").
 * Returns null for anything that is not a 9-digit national number.
 */
export function normalizeZaPhone(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '');
  const match = /^(?:\+27|0027|0)([1-9]\d{8})$/.exec(digits);
  return match ? `+27${match[1]}` : null;
}

export const phoneSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const phone = normalizeZaPhone(value);
    if (phone === null) {
      ctx.issues.push({
        code: 'custom',
        message: 'Enter a South African phone number, e.g. 082 123 4567.',
        input: value,
      });
      return z.NEVER;
    }
    return phone;
  }),
);

/** A PIN is 4 to 6 digits; it is only ever stored as an Argon2id hash. */
export const pinSchema = z.string().check(z.regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits.'));

/**
 * The public half of the key pair a device makes at sign-in (WebCrypto ECDSA P-256, private key not
 * extractable): the session's refreshes must be signed with it (SPEC ID17).
 */
export const devicePublicKeySchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'Not a P-256 coordinate.')),
  y: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'Not a P-256 coordinate.')),
});

export type DevicePublicKey = z.infer<typeof devicePublicKeySchema>;

export const deviceFields = {
  /** Generated on the device (UUID) at sign-in, so a wiped device starts a new sequence. */
  deviceId: z.uuid(),
  deviceName: z.optional(z.string().check(z.trim(), z.maxLength(60))),
  devicePublicKey: z.optional(devicePublicKeySchema),
};

export const registerRequestSchema = z.object({
  businessName: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)),
  ownerName: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  phone: phoneSchema,
  pin: pinSchema,
  ...deviceFields,
});

export type RegisterRequest = z.input<typeof registerRequestSchema>;

export const signInRequestSchema = z.object({
  phone: phoneSchema,
  pin: pinSchema,
  ...deviceFields,
});

export type SignInRequest = z.input<typeof signInRequestSchema>;

/** What a sign-in or a refresh gives: a short access token and the next refresh token (SPEC ID17). */
export const sessionTokensSchema = z.object({
  /** The access token (JWT), good until `tokenExpiresAt`. */
  token: z.string(),
  tokenExpiresAt: z.iso.datetime(),
  /** Used once, for the next pair; presenting a used one again ends the session. */
  refreshToken: z.string(),
  /** What the device signs with its private key to use `refreshToken`. */
  refreshNonce: z.string(),
});

export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const refreshRequestSchema = z.object({
  refreshToken: z.string().check(z.minLength(40), z.maxLength(200)),
  /** base64url ECDSA P-256 signature (IEEE P1363, 64 bytes) over `refreshNonce`, by the device's key. */
  signature: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/, 'Not a P-256 signature.'))),
});

export type RefreshRequest = z.input<typeof refreshRequestSchema>;

/** What registration and sign-in return: the device's tokens and who they belong to. */
export const sessionSchema = z.object({
  ...sessionTokensSchema.shape,
  tenant: z.object({ id: z.uuid(), businessName: z.string() }),
  branch: z.object({ id: z.uuid(), name: z.string() }),
  user: z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES) }),
  device: z.object({ id: z.uuid() }),
});

export type Session = z.infer<typeof sessionSchema>;

/** A live session as the sessions screen lists it. */
export const sessionRecordSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  deviceId: z.nullable(z.uuid()),
  deviceName: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The session this request came in. */
  current: z.boolean(),
});

export type SessionRecord = z.infer<typeof sessionRecordSchema>;
