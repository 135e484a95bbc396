import { beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "../../../shared/huddles/built-in-templates.js";
import { loadShippedTemplates, stepInViewerLanguage, templateInViewerLanguage } from "./shipped-templates.js";
import { BUILT_IN_TEMPLATES_DE } from "./shipped-templates-de.js";

// The tab fetches the German words with the German catalogue, before anything is shown in German.
beforeAll(() => loadShippedTemplates("de"));

describe("the built-in templates' names in German", () => {
  it("cover every built-in template, and only those", () => {
    expect(Object.keys(BUILT_IN_TEMPLATES_DE).sort()).toEqual(BUILT_IN_TEMPLATES.map((template) => template.id).sort());
  });

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.name, template] as const))("%s reads German in the picker", (_name, template) => {
    const german = templateInViewerLanguage(template, "de");
    expect(german.name).toBe(BUILT_IN_TEMPLATES_DE[template.id]!.name);
    expect(german.description).toBe(BUILT_IN_TEMPLATES_DE[template.id]!.description);
    expect(german.name).not.toBe(template.name);
    expect(Object.keys(BUILT_IN_TEMPLATES_DE[template.id]!.steps).sort()).toEqual(template.steps.map((step) => step.id).sort());
    german.steps.forEach((step, index) => {
      const english = template.steps[index]!;
      const words = BUILT_IN_TEMPLATES_DE[template.id]!.steps[english.id]!;
      expect([step.id, step.durationSeconds, step.round, step.pulse]).toEqual([
        english.id,
        english.durationSeconds,
        english.round,
        english.pulse,
      ]);
      expect([step.title, step.prompt]).toEqual([words.title, words.prompt]);
      expect(step.prompt).not.toBe(english.prompt);
      // Notes are translated exactly where the English has them.
      expect(step.facilitatorNotes === undefined).toBe(english.facilitatorNotes === undefined);
      if (english.facilitatorNotes) expect(step.facilitatorNotes).toBe(words.facilitatorNotes);
    });
  });

  it("translate a running huddle's step only while it is the shipped one", () => {
    const [template] = BUILT_IN_TEMPLATES;
    const step = template!.steps[0]!;
    expect(stepInViewerLanguage(template!.id, step, "de").title).toBe(BUILT_IN_TEMPLATES_DE[template!.id]!.steps[step.id]!.title);
    expect(stepInViewerLanguage(template!.id, { ...step, prompt: "Unser Impuls" }, "de").prompt).toBe("Unser Impuls");
    expect(stepInViewerLanguage("template-1", step, "de")).toBe(step);
    expect(stepInViewerLanguage(undefined, step, "de")).toBe(step);
    expect(stepInViewerLanguage(template!.id, step, "en")).toBe(step);
  });

  it("leave English viewers and a renamed copy alone", () => {
    const [template] = BUILT_IN_TEMPLATES;
    expect(templateInViewerLanguage(template!, "en")).toBe(template);
    expect(templateInViewerLanguage({ ...template!, name: "Unsere Runde" }, "de").name).toBe("Unsere Runde");
    const custom = { ...template!, id: "template-1" };
    expect(templateInViewerLanguage(custom, "de")).toBe(custom);
  });
});
