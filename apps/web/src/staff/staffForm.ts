import { needsBranches, staffInputSchema, type STAFF_ROLES, type StaffInput } from '@opentill/domain';
import { invalidFields } from '../auth/fieldErrors';

export type StaffRole = (typeof STAFF_ROLES)[number];
export type StaffField = 'name' | 'phone' | 'role' | 'pin';

export interface StaffFormValues {
  name: string;
  phone: string;
  role: StaffRole;
  pin: string;
}

export const EMPTY_STAFF_FORM: StaffFormValues = { name: '', phone: '', role: 'CASHIER', pin: '' };

export type StaffFormResult = { ok: true; input: StaffInput } | { ok: false; invalid: Set<StaffField> };

const FIELDS = new Set<string>(['name', 'phone', 'role', 'pin']);

/**
 * The typed values as the server's StaffInput, checked with the same schema it uses.
 * A person works at this device's branch; owners' peers (admin, auditor) see every
 * branch and get none (ID2). A blank phone is left out.
 */
export function readStaffForm(values: StaffFormValues, branchId: string): StaffFormResult {
  const parsed = staffInputSchema.safeParse({
    name: values.name,
    ...(values.phone.trim() === '' ? {} : { phone: values.phone }),
    role: values.role,
    branchIds: needsBranches(values.role) ? [branchId] : [],
    pin: values.pin,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const invalid = [...invalidFields(parsed.error.issues)].filter((field): field is StaffField => FIELDS.has(field));
  return { ok: false, invalid: new Set(invalid) };
}
