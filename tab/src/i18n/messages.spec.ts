import { describe, expect, it } from "vitest";
import { TAB_MESSAGES_DE } from "./de.js";
import {
  CATALOGUE_LOADERS,
  languageOf,
  messagesFor,
  placeholdersOf,
  TAB_LANGUAGES,
  TAB_MESSAGES_EN,
  type TabCatalogue,
} from "./messages.js";

const TAB_CATALOGUES = { en: TAB_MESSAGES_EN, de: TAB_MESSAGES_DE } as const;
const englishKeys = Object.keys(TAB_MESSAGES_EN).sort();
const translations = Object.entries(TAB_CATALOGUES).filter(([language]) => language !== "en") as [string, TabCatalogue][];

/** What differs between two catalogues' keys and placeholders; empty when they agree. */
function differences(catalogue: Record<string, string>, reference: Record<string, string> = TAB_MESSAGES_EN): string[] {
  const keys = Object.keys(catalogue);
  return [
    ...Object.keys(reference)
      .filter((key) => !Object.hasOwn(catalogue, key))
      .map((key) => `missing ${key}`),
    ...keys.filter((key) => !Object.hasOwn(reference, key)).map((key) => `extra ${key}`),
    ...keys.filter((key) => typeof catalogue[key] !== "string" || catalogue[key]!.trim() === "").map((key) => `empty ${key}`),
    ...keys
      .filter((key) => Object.hasOwn(reference, key) && typeof catalogue[key] === "string")
      .filter((key) => placeholdersOf(catalogue[key]!).join() !== placeholdersOf(reference[key]!).join())
      .map(
        (key) =>
          `placeholders of ${key}: {${placeholdersOf(catalogue[key]!).join("} {")}} instead of {${placeholdersOf(reference[key]!).join("} {")}}`,
      ),
  ];
}

describe("the tab's catalogues", () => {
  it("include German", () => {
    expect(translations.map(([language]) => language)).toContain("de");
  });

  it("each language the tab speaks loads its own catalogue", async () => {
    expect([...TAB_LANGUAGES].sort()).toEqual(Object.keys(TAB_CATALOGUES).sort());
    expect(await CATALOGUE_LOADERS.de()).toBe(TAB_MESSAGES_DE);
  });

  it.each(translations)("%s has exactly the English keys, none empty, each with the same placeholders", (_language, catalogue) => {
    expect(differences(catalogue)).toEqual([]);
    expect(Object.keys(catalogue).sort()).toEqual(englishKeys);
  });

  it("the check itself notices a missing key, an extra key and a changed placeholder", () => {
    const { appName: _dropped, ...missing } = TAB_MESSAGES_EN;
    expect(differences(missing)).toEqual(["missing appName"]);
    expect(differences({ ...TAB_MESSAGES_EN, navStart: "Home" })).toEqual(["extra navStart"]);
    expect(differences({ ...TAB_MESSAGES_EN, homeGreeting: "Hallo, {nmae}" })).toEqual([
      "placeholders of homeGreeting: {nmae} instead of {name}",
    ]);
    expect(differences({ ...TAB_MESSAGES_EN, circleMemberYou: "(Sie)" })).toEqual([
      "placeholders of circleMemberYou: {} instead of {name}",
    ]);
  });

  it("translates what it says it does: German differs from English in most messages", () => {
    const same = englishKeys.filter((key) => TAB_CATALOGUES.de[key as keyof TabCatalogue] === TAB_MESSAGES_EN[key as keyof TabCatalogue]);
    // Names, codes and pure placeholders read the same in both ("Peer Circles", "{name}:", "Status"…).
    expect(same.length).toBeLessThan(englishKeys.length * 0.05);
  });
});

describe("choosing the catalogue", () => {
  it.each([
    ["de-DE", "de"],
    ["de-de", "de"],
    ["de-AT", "de"],
    ["de", "de"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["not a locale", "en"],
    ["", "en"],
    [undefined, "en"],
  ] as const)("%s reads %s", (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });

  it("fills placeholders, leaves unknown ones visible, and labels data values in the viewer's language", () => {
    const german = messagesFor(languageOf("de-DE"), TAB_MESSAGES_DE);
    expect(german.formatMessage("homeGreeting", { name: "Mia" })).toBe("Hallo, Mia");
    expect(german.formatMessage("homeGreeting")).toBe("Hallo, {name}");
    expect(german.labelFor("status", "open")).toBe("Wartet auf eine Ansprechperson");
    expect(german.labelFor("audit", "start_conversation")).toBe("Gespräch begonnen");
    expect(german.labelFor("urgency", "unheard_of")).toBe("unheard_of");
    expect(messagesFor(languageOf("en-GB"), TAB_MESSAGES_EN).labelFor("status", "open")).toBe("Waiting for a supporter");
  });
});

describe("counts", () => {
  it("take their form from Intl.PluralRules and write the number as the language does", () => {
    const english = messagesFor("en", TAB_MESSAGES_EN);
    const german = messagesFor("de", TAB_MESSAGES_DE);
    expect(english.formatCount("programmePublished", 1, { name: "Spring" })).toBe("1 circle published for Spring.");
    expect(english.formatCount("programmePublished", 3, { name: "Spring" })).toBe("3 circles published for Spring.");
    expect(english.formatCount("programmePublished", 0, { name: "Spring" })).toBe("0 circles published for Spring.");
    expect(german.formatCount("programmePublished", 1, { name: "Frühling" })).toBe("1 Kreis für Frühling veröffentlicht.");
    expect(german.formatCount("myDataParticipation", 1200)).toMatch(/^1\.200 Wochen /);
  });

  it("never say 'circle(s)': no message in any catalogue hedges a plural in brackets", () => {
    for (const [language, catalogue] of Object.entries(TAB_CATALOGUES))
      for (const [key, message] of Object.entries(catalogue)) expect(message, `${language} ${key}`).not.toMatch(/\w\((s|e|en|n)\)/);
  });
});
