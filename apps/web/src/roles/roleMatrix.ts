import { ACTIONS, ROLES, TENANT_WIDE_ROLES, can, type Action, type Role } from '@opentill/domain';

/** A role as a column: which branches it sees. */
export interface RoleColumn {
  role: Role;
  tenantWide: boolean;
}

/** An action as a row: for each role (in ROLES order), whether it may. */
export interface ActionRow {
  action: Action;
  allowed: readonly boolean[];
}

/** The 8 roles in the catalogue's order (owner first). */
export function roleColumns(): RoleColumn[] {
  return ROLES.map((role) => ({ role, tenantWide: TENANT_WIDE_ROLES.includes(role) }));
}

/** Every action of the catalogue, in its order, against every role: ROLE_ACTIONS as a table. */
export function actionRows(): ActionRow[] {
  return ACTIONS.map((action) => ({ action, allowed: ROLES.map((role) => can(role, action)) }));
}

type DescriptionKey<A extends Action> = A extends `${infer Area}:${infer Verb}`
  ? `roleTable.actions.${Area}.${Verb}`
  : never;

/**
 * The i18n key of an action's description (`sales:refund` → `roleTable.actions.sales.refund`):
 * typed, so an action added to the catalogue does not compile until it is worded.
 */
export function actionDescriptionKey<A extends Action>(action: A): DescriptionKey<A> {
  return `roleTable.actions.${action.replace(':', '.')}` as DescriptionKey<A>;
}
