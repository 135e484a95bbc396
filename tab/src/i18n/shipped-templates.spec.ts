import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "../../../shared/huddles/built-in-templates.js";
import { BUILT_IN_TEMPLATES_DE, templateInViewerLanguage } from "./shipped-templates.js";

describe("the built-in templates' names in German", () => {
  it("cover every built-in template, and only those", () => {
    expect(Object.keys(BUILT_IN_TEMPLATES_DE).sort()).toEqual(BUILT_IN_TEMPLATES.map((template) => template.id).sort());
  });

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.name, template] as const))("%s reads German in the picker", (_name, template) => {
    const german = templateInViewerLanguage(template, "de");
    expect(german.name).toBe(BUILT_IN_TEMPLATES_DE[template.id]!.name);
    expect(german.description).toBe(BUILT_IN_TEMPLATES_DE[template.id]!.description);
    expect(german.name).not.toBe(template.name);
    expect(german.steps).toBe(template.steps);
  });

  it("leave English viewers and a renamed copy alone", () => {
    const [template] = BUILT_IN_TEMPLATES;
    expect(templateInViewerLanguage(template!, "en")).toBe(template);
    expect(templateInViewerLanguage({ ...template!, name: "Unsere Runde" }, "de").name).toBe("Unsere Runde");
    const custom = { ...template!, id: "template-1" };
    expect(templateInViewerLanguage(custom, "de")).toBe(custom);
  });
});
