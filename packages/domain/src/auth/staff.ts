import * as z from 'zod/mini';
import { ACTIONS, ROLES, TENANT_WIDE_ROLES, can, type Action, type Role } from './permissions.js';
import { phoneSchema, pinSchema } from './registration.js';

/**
 * Staff (SPEC ID2–ID4): the people of a shop besides its owner, each with one
 * role and the branches they work at, signing in on a shared device by PIN.
 */

/** Roles an owner or admin may give: a shop has one owner (DECISIONS D5). */
export const STAFF_ROLES = ROLES.filter((role): role is Exclude<Role, 'OWNER'> => role !== 'OWNER');

const nameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));
const branchIdsSchema = z.array(z.uuid()).check(z.maxLength(200));

export const staffInputSchema = z.object({
  name: nameSchema,
  phone: z.optional(phoneSchema),
  role: z.enum(STAFF_ROLES),
  /** The branches they work at; tenant-wide roles (owner, admin, auditor) see all without any. */
  branchIds: branchIdsSchema,
  pin: pinSchema,
});

export type StaffInput = z.input<typeof staffInputSchema>;

export const staffUpdateSchema = z.object({
  name: z.optional(nameSchema),
  role: z.optional(z.enum(STAFF_ROLES)),
  branchIds: z.optional(branchIdsSchema),
  pin: z.optional(pinSchema),
  /** False disables the person: they can no longer sign in, and their later work is refused (ID4). */
  active: z.optional(z.boolean()),
});

export type StaffUpdate = z.input<typeof staffUpdateSchema>;

/** A staff member as the owner sees them. */
export const staffMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.nullable(z.string()),
  role: z.enum(ROLES),
  branchIds: z.array(z.uuid()),
  active: z.boolean(),
});

export type StaffMember = z.infer<typeof staffMemberSchema>;

/** Whether a role needs at least one branch to work anywhere (ID2). */
export function needsBranches(role: Role): boolean {
  return !TENANT_WIDE_ROLES.includes(role);
}

/**
 * A slow, salted verifier of a person's PIN that a shared device keeps, so a
 * cashier can switch by PIN with no network (ID3). PBKDF2-SHA256, because every
 * browser has it in WebCrypto; the iterations make each guess cost the device
 * about a tenth of a second, and the device locks a person out after 5 wrong PINs.
 */
export const PIN_VERIFIER_ITERATIONS = 100_000;

export const pinVerifierSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.int().check(z.gte(10_000), z.lte(10_000_000)),
  /** Base64. */
  salt: z.string(),
  /** Base64 of the 32-byte derived key. */
  hash: z.string(),
});

export type PinVerifier = z.infer<typeof pinVerifierSchema>;

/** Who may work on a device: everyone of its branch (and the tenant-wide roles), with what they may do. */
export const rosterEntrySchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
  actions: z.array(z.enum(ACTIONS as [string, ...string[]])),
  pinVerifier: z.nullable(pinVerifierSchema),
});

export const rosterSchema = z.object({ staff: z.array(rosterEntrySchema) });

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** What the server knows of the person an operation names as its actor. */
export interface ActorStanding {
  role: Role;
  active: boolean;
  /** Whether they work at the branch of the device that sent it. */
  atBranch: boolean;
}

export type ActorCheck = 'allowed' | 'unknown' | 'disabled' | 'not-permitted';

/**
 * ID3/ID4: may this person have done `action` on a device of this branch? An
 * unknown person, a disabled one, or one whose role or branches do not allow it
 * fails; the server keeps a failing sale (flagged) and refuses anything else.
 */
export function checkActor(actor: ActorStanding | undefined, action: Action): ActorCheck {
  if (!actor) return 'unknown';
  if (!actor.active) return 'disabled';
  if (!can(actor.role, action) || (needsBranches(actor.role) && !actor.atBranch)) return 'not-permitted';
  return 'allowed';
}

/** One of the shop's devices as `GET /api/v1/devices` lists it (docs/API.md "Devices"). */
export const deviceRecordSchema = z.object({
  id: z.uuid(),
  name: z.nullable(z.string()),
  branchId: z.uuid(),
  /** The name of whoever signed the device in; null if that is no longer known. */
  registeredBy: z.nullable(z.string()),
  lastSeenAt: z.nullable(z.iso.datetime({ offset: true })),
  revokedAt: z.nullable(z.iso.datetime({ offset: true })),
  createdAt: z.iso.datetime({ offset: true }),
});

export type DeviceRecord = z.infer<typeof deviceRecordSchema>;
