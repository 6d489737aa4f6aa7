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

const deviceFields = {
  /** Generated on the device (UUID) at sign-in, so a wiped device starts a new sequence. */
  deviceId: z.uuid(),
  deviceName: z.optional(z.string().check(z.trim(), z.maxLength(60))),
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

/** What registration and sign-in return: the device's token and who it belongs to. */
export const sessionSchema = z.object({
  token: z.string(),
  tenant: z.object({ id: z.uuid(), businessName: z.string() }),
  branch: z.object({ id: z.uuid(), name: z.string() }),
  user: z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES) }),
  device: z.object({ id: z.uuid() }),
});

export type Session = z.infer<typeof sessionSchema>;
