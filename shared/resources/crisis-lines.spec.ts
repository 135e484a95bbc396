import { describe, expect, it } from "vitest";
import { byCountry, countryOfLocale, crisisLinesFor, crisisLinesOf, crisisLinesOrDefaults, DEFAULT_CRISIS_LINES } from "./crisis-lines.js";
import { DEFAULT_RESOURCES, type Resource } from "./resource-catalogue.js";

const DIRECTORY = "Find a Helpline (international directory)";

describe("crisis lines", () => {
  it("finds the country of a locale", () => {
    expect(countryOfLocale("en-GB")).toBe("GB");
    expect(countryOfLocale("en-US")).toBe("US");
    expect(countryOfLocale("de-DE")).toBe("DE");
    expect(countryOfLocale("en-gb")).toBe("GB");
    expect(countryOfLocale("not a locale")).toBeUndefined();
    expect(countryOfLocale(undefined)).toBeUndefined();
  });

  it("puts the person's country first and the international directory next", () => {
    expect(crisisLinesFor("GB").map((line) => line.name)).toEqual([
      "Samaritans",
      DIRECTORY,
      "988 Suicide & Crisis Lifeline",
      "TelefonSeelsorge",
    ]);
    expect(crisisLinesFor("US")[0]?.phone).toBe("988");
    expect(crisisLinesFor("IE")[0]?.name).toBe("Samaritans");
    expect(
      crisisLinesFor("DE")
        .map((line) => line.name)
        .slice(0, 2),
    ).toEqual(["TelefonSeelsorge", DIRECTORY]);
    // No line of its own: the international directory comes first.
    expect(crisisLinesFor("FR")[0]?.url).toBe("https://findahelpline.com");
    expect(crisisLinesFor(undefined)[0]?.name).toBe(DIRECTORY);
  });

  it("are the catalogue's crisis-line entries, each marked check-and-adapt with its source", () => {
    const fromCatalogue = DEFAULT_RESOURCES.filter((resource) => resource.category === "crisis_line");
    expect(DEFAULT_CRISIS_LINES.map((line) => line.name)).toEqual(fromCatalogue.map((resource) => resource.title));
    for (const line of DEFAULT_CRISIS_LINES) {
      expect(line.checkAndAdapt).toBe(true);
      expect(line.source).not.toBe("");
      expect(line.phone ?? line.url).toBeTruthy();
    }
    expect(DEFAULT_CRISIS_LINES.find((line) => line.name === "Samaritans")).toMatchObject({ phone: "116 123", availability: "24/7" });
  });

  it("uses a tenant's own lines when it has some, and the defaults when it has none", () => {
    const own: Resource = {
      id: "resource-1",
      title: "Contoso EAP crisis line",
      description: "Our EAP's 24/7 line.",
      category: "crisis_line",
      contacts: [
        { kind: "phone", value: "+44 800 000 0000" },
        { kind: "email", value: "eap@contoso.example" },
      ],
      availability: { kind: "hours", days: "weekdays", from: "08:00", to: "18:00", timeZone: "Europe/London" },
      countries: ["GB"],
      languages: ["en"],
      tags: [],
      checkAndAdapt: false,
    };
    const guide = DEFAULT_RESOURCES.find((resource) => resource.category === "guide")!;
    expect(crisisLinesOf([guide, own])).toEqual([
      {
        name: "Contoso EAP crisis line",
        countries: ["GB"],
        phone: "+44 800 000 0000",
        email: "eap@contoso.example",
        availability: "Mon–Fri 08:00–18:00 (Europe/London)",
        source: "",
        checkAndAdapt: false,
      },
    ]);
    expect(crisisLinesOrDefaults([guide, own]).map((line) => line.name)).toEqual(["Contoso EAP crisis line"]);
    expect(crisisLinesOrDefaults([guide])).toEqual(DEFAULT_CRISIS_LINES);
  });

  it("orders any entries with countries the same way, keeping catalogue order within a rank", () => {
    const entries = [
      { id: "a", countries: ["US"] },
      { id: "b", countries: [] },
      { id: "c", countries: ["DE", "AT"] },
      { id: "d", countries: [] },
    ];
    expect(byCountry("AT", entries).map((entry) => entry.id)).toEqual(["c", "b", "d", "a"]);
    expect(byCountry(undefined, entries).map((entry) => entry.id)).toEqual(["b", "d", "a", "c"]);
  });
});
