import { describe, expect, it } from "vitest";
import { crisisResourcesOrDefaults } from "../../../shared/resources/crisis-lines.js";
import { DEFAULT_RESOURCES } from "../../../shared/resources/resource-catalogue.js";
import { inViewerLanguage, SHIPPED_CRISIS_LINES_DE, SHIPPED_GUIDES_DE } from "./shipped-resources.js";

const shippedLines = crisisResourcesOrDefaults([]);

describe("the shipped crisis lines in German", () => {
  it("cover every shipped line, and only those", () => {
    expect(Object.keys(SHIPPED_CRISIS_LINES_DE).sort()).toEqual(shippedLines.map((line) => line.id).sort());
  });

  it.each(shippedLines.map((line) => [line.title, line] as const))("%s reads German, keeping its name and numbers", (_title, line) => {
    const german = inViewerLanguage(line, "de");
    expect(german.description).not.toBe(line.description);
    expect(german.description).toBe(SHIPPED_CRISIS_LINES_DE[line.id]!.description);
    if (line.availability?.kind === "note")
      expect(german.availability).toEqual({ kind: "note", note: SHIPPED_CRISIS_LINES_DE[line.id]!.note });
    else expect(german.availability).toEqual(line.availability);
    expect(german.title).toBe(line.title);
    expect(german.contacts).toEqual(line.contacts);
  });

  it("leave English viewers, other entries and an admin's own wording alone", () => {
    const [line] = shippedLines;
    expect(inViewerLanguage(line!, "en")).toBe(line);
    const reworded = { ...line!, description: "Unsere eigene Beschreibung." };
    expect(inViewerLanguage(reworded, "de").description).toBe("Unsere eigene Beschreibung.");
    const own = { ...line!, id: "resource-1234" };
    expect(inViewerLanguage(own, "de")).toBe(own);
  });
});

describe("the shipped guides and techniques in German", () => {
  const guides = DEFAULT_RESOURCES.filter((resource) => resource.category !== "crisis_line");

  it("cover every shipped guide, and only those", () => {
    expect(Object.keys(SHIPPED_GUIDES_DE).sort()).toEqual(guides.map((guide) => guide.id).sort());
  });

  it.each(guides.map((guide) => [guide.title, guide] as const))("%s reads German, paragraph for paragraph", (_title, guide) => {
    const german = inViewerLanguage(guide, "de");
    const words = SHIPPED_GUIDES_DE[guide.id]!;
    expect([german.title, german.description, german.body]).toEqual([words.title, words.description, words.body]);
    expect(german.title).not.toBe(guide.title);
    expect(german.body!.split("\n\n")).toHaveLength(guide.body!.split("\n\n").length);
    expect(german.languages).toEqual(["de"]);
    expect([german.category, german.tags, german.contacts]).toEqual([guide.category, guide.tags, guide.contacts]);
  });

  it("keep a guide whose text an admin has rewritten in that admin's words, in the language they gave it", () => {
    const guide = guides[0]!;
    const rewritten = { ...guide, body: "Our own words." };
    expect(inViewerLanguage(rewritten, "de").body).toBe("Our own words.");
    expect(inViewerLanguage(rewritten, "de").languages).toEqual(guide.languages);
  });
});
