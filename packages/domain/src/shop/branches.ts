import * as z from 'zod/mini';

/**
 * A shop's branches (SPEC BR): each keeps its own stock, batches and tills. A
 * shop starts with one ("Main"); the owner adds the others and moves each till
 * to the branch it stands in.
 */
export const branchNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

export const branchInputSchema = z.object({ name: branchNameSchema });
export type BranchInput = z.infer<typeof branchInputSchema>;

export const branchSchema = z.object({ id: z.uuid(), name: z.string() });
export type Branch = z.infer<typeof branchSchema>;

/** Moves the calling device to a branch (BR3). */
export const moveDeviceSchema = z.object({ branchId: z.uuid() });

/** BR1: names are unique in a shop regardless of case and spacing, so "Main " and "main" are one branch. */
export function sameBranchName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-ZA');
  return fold(a) === fold(b);
}
