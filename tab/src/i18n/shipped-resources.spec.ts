import { describe, expect, it } from "vitest";
import { crisisResourcesOrDefaults } from "../../../shared/resources/crisis-lines.js";
import { inViewerLanguage, SHIPPED_CRISIS_LINES_DE } from "./shipped-resources.js";

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
