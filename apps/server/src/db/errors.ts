/** PostgreSQL's unique_violation (SQLSTATE 23505), seen through Drizzle's wrapper. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint?: unknown };
    if (candidate.code === '23505') return constraint === undefined || candidate.constraint === constraint;
  }
  return false;
}
