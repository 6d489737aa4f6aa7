import * as z from 'zod/mini';

/**
 * The shop's settings every till follows (SPEC SS), sent with every sync answer
 * so a change reaches each phone on its next sync and holds offline after.
 */
export const shopSettingsSchema = z.object({
  /** R1: cash sales round down to 10 cents. */
  cashRounding: z.boolean(),
  /** VD1, VD7: the shop's VAT number; null when it is not registered for VAT (plain receipts). */
  vatNumber: z.nullable(z.string().check(z.trim(), z.regex(/^4\d{9}$/, 'A VAT number is ten digits starting with 4.'))),
  /** VD6: the address a tax invoice names, as the receipt prints it. */
  address: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  /** The phone number the receipt prints. */
  phone: z.nullable(z.string().check(z.trim(), z.regex(/^\+?[\d ()-]{6,20}$/, 'A phone number.'))),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/** SS1: a shop that never chose has exact totals. */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = { cashRounding: false, vatNumber: null, address: null, phone: null };

const knownSettingsSchema = z.partial(shopSettingsSchema);

/** What the owner may change: at least one of the settings, the rest kept. */
export const shopSettingsPatchSchema = knownSettingsSchema.check(
  z.refine((patch) => Object.keys(patch).length > 0, 'Name a setting to change.'),
);
export type ShopSettingsPatch = z.infer<typeof shopSettingsPatchSchema>;

/**
 * The settings stored for a shop (a JSON object that may predate a setting), with
 * defaults for what it lacks; each setting is read on its own, so one unreadable
 * value falls back alone.
 */
export function shopSettingsOf(stored: unknown): ShopSettings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SHOP_SETTINGS };
  for (const [key, schema] of Object.entries(shopSettingsSchema.shape)) {
    const parsed = schema.safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  return settings as ShopSettings;
}
