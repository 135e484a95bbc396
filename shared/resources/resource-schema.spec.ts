import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RESOURCES } from "./resource-catalogue.js";
import { inputFromResource, resourceFromInput, resourceInputSchema, RESOURCE_LIMITS } from "./resource-schema.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const valid = {
  title: "Contoso EAP",
  description: "Free, confidential counselling for staff and their families.",
  category: "eap",
  contacts: [
    { kind: "phone", value: "+44 800 123 4567" },
    { kind: "url", value: "https://eap.contoso.example/start" },
    { kind: "teamsChat", value: "eap.desk@contoso.example" },
    { kind: "email", value: "eap@contoso.example" },
  ],
  availability: { kind: "hours", days: "weekdays", from: "08:00", to: "18:00", timeZone: "Europe/London" },
  countries: ["GB"],
  languages: ["en", "pt-BR"],
  tags: ["counselling", "family"],
};

const problemAt = (input: unknown) => {
  const parsed = resourceInputSchema.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues[0]!.path.join(".");
};

describe("resource input", () => {
  it("accepts a complete resource and fills in empty lists", () => {
    expect(resourceInputSchema.parse(valid)).toMatchObject(valid);
    expect(resourceInputSchema.parse({ title: " Tips ", description: "A few.", category: "guide" })).toEqual({
      title: "Tips",
      description: "A few.",
      category: "guide",
      contacts: [],
      countries: [],
      languages: [],
      tags: [],
    });
  });

  it("takes every default back in, as its editable form", () => {
    for (const resource of DEFAULT_RESOURCES) {
      const input = resourceInputSchema.parse(inputFromResource(resource));
      expect({ ...resourceFromInput(input, resource.id), checkAndAdapt: true }).toEqual(resource);
    }
  });

  it.each([
    ["a phone number with letters", { contacts: [{ kind: "phone", value: "0800-CALL-NOW" }] }, "contacts.0.value"],
    ["a phone number with two spaces in a row", { contacts: [{ kind: "phone", value: "116  123" }] }, "contacts.0.value"],
    ["a plus sign inside a phone number", { contacts: [{ kind: "phone", value: "44+800" }] }, "contacts.0.value"],
    ["an http link", { contacts: [{ kind: "url", value: "http://eap.contoso.example" }] }, "contacts.0.value"],
    ["a javascript: link", { contacts: [{ kind: "url", value: "javascript:alert(1)" }] }, "contacts.0.value"],
    ["a link with a password", { contacts: [{ kind: "url", value: "https://me:secret@contoso.example" }] }, "contacts.0.value"],
    ["an email without a domain", { contacts: [{ kind: "email", value: "eap@" }] }, "contacts.0.value"],
    ["a Teams chat to a name", { contacts: [{ kind: "teamsChat", value: "EAP desk" }] }, "contacts.0.value"],
    ["an unknown contact kind", { contacts: [{ kind: "fax", value: "123" }] }, "contacts.0.kind"],
    ["five contacts", { contacts: Array.from({ length: 5 }, () => valid.contacts[0]) }, "contacts"],
    ["a blank title", { title: "   " }, "title"],
    ["an overlong title", { title: "x".repeat(RESOURCE_LIMITS.titleMaxLength + 1) }, "title"],
    ["an overlong description", { description: "x".repeat(RESOURCE_LIMITS.descriptionMaxLength + 1) }, "description"],
    ["an overlong guide", { body: "x".repeat(RESOURCE_LIMITS.bodyMaxLength + 1) }, "body"],
    ["an unknown category", { category: "therapy" }, "category"],
    ["a lower-case country", { countries: ["gb"] }, "countries.0"],
    ["a repeated country", { countries: ["GB", "GB"] }, "countries"],
    ["a language name", { languages: ["English"] }, "languages.0"],
    ["eleven tags", { tags: Array.from({ length: 11 }, (_v, index) => `tag${index}`) }, "tags"],
    ["hours in no time zone", { availability: { ...valid.availability, timeZone: "Mars/Olympus" } }, "availability.timeZone"],
    ["hours written 8am", { availability: { ...valid.availability, from: "8am" } }, "availability.from"],
    ["opening and closing at once", { availability: { ...valid.availability, to: "08:00" } }, "availability.to"],
    ["an unknown field", { owner: "someone" }, ""],
    ["a crisis line with no contact", { category: "crisis_line", contacts: [] }, "contacts"],
  ])("refuses %s", (_label, change, path) => {
    expect(problemAt({ ...valid, ...change })).toBe(path);
  });

  it("never accepts a link that is not https, whatever else it looks like", () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const accepted = resourceInputSchema.safeParse({ ...valid, contacts: [{ kind: "url", value: url }] }).success;
        if (accepted) expect(url.startsWith("https://")).toBe(true);
      }),
      // Long generated URLs make each run slow; a few hundred cover the schemes and shapes.
      { numRuns: propertyRuns(200) },
    );
  });

  it("accepts only digits, single spaces and a leading plus in phone numbers", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789 +-()a"), minLength: 1, maxLength: 20 }), (phone) => {
        const accepted = resourceInputSchema.safeParse({ ...valid, contacts: [{ kind: "phone", value: phone }] }).success;
        const trimmed = phone.trim();
        expect(accepted).toBe(trimmed.length >= 2 && /^\+?[0-9]+(?: [0-9]+)*$/.test(trimmed));
      }),
    );
  });
});
