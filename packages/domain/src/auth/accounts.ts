import * as z from 'zod/mini';
import { PASSWORD_PROBLEM_CODES, type PasswordPolicyPreset } from './passwordPolicy.js';
import { deviceFields, registerRequestSchema, sessionSchema } from './registration.js';

/**
 * Email + password accounts with two-factor (pharmacies; SPEC ID5–ID9): what the PWA sends and the
 * server answers. The password rules themselves are `passwordProblems`; these schemas only bound the input.
 */

/** Trimmed and lower-cased, as stored: "Nomsa@Example.co.za " signs in as "nomsa@example.co.za". */
export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email('Enter an email address, e.g. nomsa@example.co.za.'),
);

/**
 * Bounds the body only: the policy's limits (at most 128 characters) are reported by the server as
 * `PASSWORD_TOO_LONG` with the other password rules, not as a malformed field.
 */
export const PASSWORD_INPUT_MAX_LENGTH = 1024;
export const passwordInputSchema = z
  .string()
  .check(
    z.minLength(1, 'Enter the password.'),
    z.maxLength(PASSWORD_INPUT_MAX_LENGTH, 'This password is far too long.'),
  );

/** A code from the authenticator app: 6 digits, a space in the middle allowed (apps show "123 456"). */
export const totpCodeSchema = z.string().check(z.trim(), z.regex(/^\d{3} ?\d{3}$/, 'Enter the 6-digit code.'));

/** Typed as the user wrote it down; the server reads case, dashes and look-alike letters leniently. */
export const recoveryCodeSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

/** Every key of `PASSWORD_POLICIES`. */
export const PASSWORD_PRESETS = ['standard', 'pharmacy'] as const satisfies readonly PasswordPolicyPreset[];

export const emailRegisterRequestSchema = z.object({
  businessName: registerRequestSchema.shape.businessName,
  ownerName: registerRequestSchema.shape.ownerName,
  email: emailSchema,
  password: passwordInputSchema,
  /** This route is how pharmacies register, so it defaults to their stricter policy (16 characters). */
  preset: z._default(z.enum(PASSWORD_PRESETS), 'pharmacy'),
  ...deviceFields,
});

export type EmailRegisterRequest = z.input<typeof emailRegisterRequestSchema>;

export const emailSignInRequestSchema = z.object({
  email: emailSchema,
  password: passwordInputSchema,
  /** Needed once two-factor is on: a code from the app, or else one of the recovery codes. */
  totpCode: z.optional(totpCodeSchema),
  recoveryCode: z.optional(recoveryCodeSchema),
  ...deviceFields,
});

export type EmailSignInRequest = z.input<typeof emailSignInRequestSchema>;

/** Whether the account's role must use two-factor, and whether it has. */
export const mfaStatusSchema = z.object({ required: z.boolean(), enrolled: z.boolean() });

export type MfaStatus = z.infer<typeof mfaStatusSchema>;

/**
 * What email registration and sign-in return: a `Session`, and the two-factor state. While `required`
 * and not `enrolled`, the session may only enrol (`account:self`): the PWA shows enrolment first.
 */
export const accountSessionSchema = z.object({ ...sessionSchema.shape, mfa: mfaStatusSchema });

export type AccountSession = z.infer<typeof accountSessionSchema>;

/** The new secret, for the QR code (`otpauthUri`) or typing by hand (`secret`). */
export const mfaStartResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() });

export type MfaStartResponse = z.infer<typeof mfaStartResponseSchema>;

export const mfaConfirmRequestSchema = z.object({ code: totpCodeSchema });

export type MfaConfirmRequest = z.input<typeof mfaConfirmRequestSchema>;

/** Shown once: the server keeps only their hashes. */
export const mfaConfirmResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });

export type MfaConfirmResponse = z.infer<typeof mfaConfirmResponseSchema>;

export const passwordChangeRequestSchema = z.object({
  currentPassword: passwordInputSchema,
  newPassword: passwordInputSchema,
});

export type PasswordChangeRequest = z.input<typeof passwordChangeRequestSchema>;

/**
 * Why a new password was refused (the `code` of each `OT_ERR_PASSWORD_REJECTED` detail): the
 * rules of `passwordProblems`, and `PASSWORD_REUSED` for one of the last few passwords.
 */
export const PASSWORD_REJECTION_CODES = [...PASSWORD_PROBLEM_CODES, 'PASSWORD_REUSED'] as const;
export type PasswordRejectionCode = (typeof PASSWORD_REJECTION_CODES)[number];
