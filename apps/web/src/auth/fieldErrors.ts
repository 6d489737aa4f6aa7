/** The fields a zod result found wrong, by the first segment of each issue's path. */
export function invalidFields(issues: readonly { path: readonly PropertyKey[] }[]): Set<string> {
  return new Set(issues.map((issue) => String(issue.path[0] ?? '')));
}
