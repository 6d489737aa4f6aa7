import * as z from 'zod/mini';

/** A lot number as printed on the pack. */
export const lotSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

/** A batch as the server sends it to the tills of its branch (SPEC BT11). */
export const pulledBatchSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  lot: lotSchema,
  expiresOn: z.nullable(z.iso.date()),
  onHand: z.int().check(z.gte(0)),
});

export type PulledBatch = z.infer<typeof pulledBatchSchema>;
