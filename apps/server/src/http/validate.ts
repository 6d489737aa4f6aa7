import type * as z from 'zod/mini';
import { AppError } from './errors.js';

/**
 * Validates input against a domain schema. Bad input becomes a 400
 * OT_ERR_VALIDATION naming each field, before anything is written.
 */
export function parseInput<T extends z.ZodMiniType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  throw new AppError('OT_ERR_VALIDATION', details);
}
