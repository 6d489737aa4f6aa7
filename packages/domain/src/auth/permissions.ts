/**
 * Actions a token may be allowed to perform. Every API route declares the one it
 * needs (or that it is public). Issue 4 grows this into the full catalogue with
 * roles and branch scope; the names follow its `area:verb` form.
 */
export const ACTIONS = ['sync:push', 'sales:create', 'product:write'] as const;
export type Action = (typeof ACTIONS)[number];

/** What an owner's device may do in this first version (one role: OWNER). */
export const OWNER_ACTIONS: readonly Action[] = ACTIONS;

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
