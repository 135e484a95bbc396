import { describe, expect, it } from "vitest";
import { preferencesSchema } from "./preferences.js";

describe("preferencesSchema", () => {
  it("accepts real locales and time zones", () => {
    expect(preferencesSchema.parse({ locale: "en-GB", timeZone: "Europe/London", theme: "dark", soundCues: true })).toEqual({
      locale: "en-GB",
      timeZone: "Europe/London",
      theme: "dark",
      soundCues: true,
    });
    expect(preferencesSchema.parse({})).toEqual({});
  });

  it.each([{ timeZone: "Mars/Olympus" }, { locale: "not a locale!" }, { theme: "neon" }, { soundCues: "yes" }, { extra: 1 }])(
    "refuses %j",
    (input) => {
      expect(preferencesSchema.safeParse(input).success).toBe(false);
    },
  );
});
