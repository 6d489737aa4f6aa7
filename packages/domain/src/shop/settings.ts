import * as z from 'zod/mini';

/**
 * The shop's settings every till follows (SPEC SS), sent with every sync answer
 * so a change reaches each phone on its next sync and holds offline after.
 */
export const shopSettingsSchema = z.object({
  /** R1: cash sales round down to 10 cents. */
  cashRounding: z.boolean(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/** SS1: a shop that never chose has exact totals. */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = { cashRounding: false };

const knownSettingsSchema = z.partial(shopSettingsSchema);

/** What the owner may change: at least one of the settings, the rest kept. */
export const shopSettingsPatchSchema = knownSettingsSchema.check(
  z.refine((patch) => Object.keys(patch).length > 0, 'Name a setting to change.'),
);
export type ShopSettingsPatch = z.infer<typeof shopSettingsPatchSchema>;

/** The settings stored for a shop (a JSON object that may predate a setting), with defaults for what it lacks. */
export function shopSettingsOf(stored: unknown): ShopSettings {
  const known = knownSettingsSchema.safeParse(stored);
  return { ...DEFAULT_SHOP_SETTINGS, ...(known.success ? known.data : {}) };
}
