import { describe, expect, it } from "vitest";
import { countryOfLocale, crisisLinesFor } from "./crisis-lines.js";

describe("crisis lines", () => {
  it("finds the country of a locale", () => {
    expect(countryOfLocale("en-GB")).toBe("GB");
    expect(countryOfLocale("en-US")).toBe("US");
    expect(countryOfLocale("not a locale")).toBeUndefined();
    expect(countryOfLocale(undefined)).toBeUndefined();
  });

  it("puts the person's country first and the international directory next", () => {
    expect(crisisLinesFor("GB").map((line) => line.name)).toEqual([
      "Samaritans",
      "Find a Helpline (international directory)",
      "988 Suicide & Crisis Lifeline",
    ]);
    expect(crisisLinesFor("US")[0]?.phone).toBe("988");
    expect(crisisLinesFor("FR")[0]?.url).toBe("https://findahelpline.com");
  });
});
