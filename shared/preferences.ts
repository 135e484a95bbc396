import { z } from "zod";
import { isTimeZone, TIME_ZONE_MESSAGE } from "./time-zones.js";

export const THEME_CHOICES = ["follow-teams", "default", "dark", "contrast"] as const;

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A member's own display preferences. Every field is optional; unknown fields are refused. */
export const preferencesSchema = z
  .object({
    locale: z.string().max(35).refine(isLocale, "is not a language tag such as en-GB"),
    timeZone: z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE),
    theme: z.enum(THEME_CHOICES),
    soundCues: z.boolean(),
  })
  .partial()
  .strict();

export type Preferences = z.infer<typeof preferencesSchema>;
