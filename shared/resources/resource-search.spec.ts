import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RESOURCES, RESOURCE_CATEGORIES, type Resource } from "./resource-catalogue.js";
import { allowedTypos, editDistance, normaliseText, searchResources, tokenise, wordMatch } from "./resource-search.js";

const titles = (found: readonly Resource[]) => found.map((resource) => resource.title);

function resource(overrides: Partial<Resource>): Resource {
  return {
    id: `resource-${overrides.title ?? "x"}`,
    title: "Untitled",
    description: "Nothing in particular.",
    category: "guide",
    contacts: [],
    countries: [],
    languages: ["en"],
    tags: [],
    checkAndAdapt: false,
    ...overrides,
  };
}

describe("text normalisation", () => {
  it("ignores case and accents, and splits on anything but letters and digits", () => {
    expect(normaliseText("Café Ünïcode ÅSTRÖM")).toBe("cafe unicode astrom");
    expect(tokenise("TelefonSeelsorge: 0800 111-0-111")).toEqual(["telefonseelsorge", "0800", "111", "0", "111"]);
    expect(tokenise("Straße")).toEqual(["strasse"]);
    expect(tokenise("  ,, ")).toEqual([]);
  });
});

describe("edit distance", () => {
  it.each([
    ["breathing", "breathing", 0],
    ["breathng", "breathing", 1],
    ["braething", "breathing", 1],
    ["listning", "listening", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s → %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it("is zero only for equal words, symmetric, and at most the longer length", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcdeé"), maxLength: 10 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const distance = editDistance(a, b);
        expect(distance === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(distance);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it("gives up early without understating: a capped answer is either exact or above the cap", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcd"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        const exact = editDistance(a, b);
        const capped = editDistance(a, b, limit);
        expect(capped).toBe(exact <= limit ? exact : limit + 1);
      }),
    );
  });
});

describe("word matching", () => {
  it("allows no typo under 4 letters, one from 4, two from 8", () => {
    expect([1, 3, 4, 7, 8, 12].map(allowedTypos)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(wordMatch("eap", "eap")).toBeGreaterThan(0);
    expect(wordMatch("ep", "eap")).toBe(0);
    expect(wordMatch("bre", "breathing")).toBeGreaterThan(0);
    expect(wordMatch("calm", "clam")).toBeGreaterThan(0);
    expect(wordMatch("calm", "cram")).toBe(0);
    expect(wordMatch("breathng", "breathing")).toBeGreaterThan(0);
    expect(wordMatch("brthng", "breathing")).toBe(0);
  });
});

describe("searching the catalogue", () => {
  it('finds box breathing from "breathng", a typo', () => {
    expect(titles(searchResources(DEFAULT_RESOURCES, "breathng"))[0]).toBe("Box breathing");
  });

  it.each([
    ["samaritns", "Samaritans"],
    ["Telefonseelsorge", "TelefonSeelsorge"],
    ["lisening", "Active listening"],
    ["REFER", "When to refer"],
    ["5 minute", "5-minute reset"],
    ["988", "988 Suicide & Crisis Lifeline"],
  ])("%s finds %s first", (query, title) => {
    expect(titles(searchResources(DEFAULT_RESOURCES, query))[0]).toBe(title);
  });

  it("needs every word of the query to match", () => {
    expect(titles(searchResources(DEFAULT_RESOURCES, "box breathing"))).toEqual(["Box breathing"]);
    expect(searchResources(DEFAULT_RESOURCES, "breathing zebra")).toEqual([]);
  });

  it("ranks a title match above a tag match above a description match", () => {
    const inTitle = resource({ title: "Sleep well" });
    const inTags = resource({ title: "Rest", tags: ["sleep"] });
    const inDescription = resource({ title: "Evenings", description: "Winding down for sleep." });
    const catalogue = [inDescription, inTags, inTitle];
    expect(titles(searchResources(catalogue, "sleep"))).toEqual(["Sleep well", "Rest", "Evenings"]);
    // An exact word beats the start of one, which beats a typo, within the same field.
    const exact = resource({ title: "Calm" });
    const prefix = resource({ title: "Calmer days" });
    const typo = resource({ title: "Clam chowder" });
    expect(titles(searchResources([typo, prefix, exact], "calm"))).toEqual(["Calm", "Calmer days", "Clam chowder"]);
  });

  it("keeps the catalogue's order for an empty query, and filters by category", () => {
    expect(searchResources(DEFAULT_RESOURCES, "  ")).toEqual(DEFAULT_RESOURCES);
    const coping = searchResources(DEFAULT_RESOURCES, "", { categories: ["coping_technique"] });
    expect(titles(coping)).toEqual(["Box breathing", "5-minute reset"]);
    expect(searchResources(DEFAULT_RESOURCES, "breathing", { categories: ["crisis_line"] })).toEqual([]);
    expect(searchResources(DEFAULT_RESOURCES, "", { categories: [] })).toEqual(DEFAULT_RESOURCES);
  });

  const catalogue = fc.array(
    fc.record({
      title: fc.string({ unit: fc.constantFrom(..."abcdefgh éÉ-"), minLength: 1, maxLength: 30 }),
      tags: fc.array(fc.string({ unit: fc.constantFrom(..."abcdefgh"), maxLength: 10 }), { maxLength: 3 }),
      description: fc.string({ unit: fc.constantFrom(..."abcdefgh .,"), maxLength: 60 }),
      category: fc.constantFrom(...RESOURCE_CATEGORIES),
    }),
    { maxLength: 12 },
  );
  const asResources = (entries: { title: string; tags: string[]; description: string; category: Resource["category"] }[]) =>
    entries.map((entry, index) => resource({ ...entry, id: `resource-${index}`, description: entry.description || "x" }));

  it("returns a subset without repeats, only in the chosen categories", () => {
    fc.assert(
      fc.property(catalogue, fc.string({ maxLength: 12 }), fc.subarray([...RESOURCE_CATEGORIES]), (entries, query, categories) => {
        const resources = asResources(entries);
        const found = searchResources(resources, query, { categories });
        expect(new Set(found).size).toBe(found.length);
        for (const item of found) {
          expect(resources).toContain(item);
          if (categories.length) expect(categories).toContain(item.category);
        }
      }),
    );
  });

  it("always finds an entry by any word of its title, in any case or accent, or with one typo in a long word", () => {
    fc.assert(
      fc.property(
        catalogue.filter((entries) => entries.length > 0),
        fc.nat(),
        fc.nat(),
        (entries, pick, position) => {
          const resources = asResources(entries);
          const target = resources[pick % resources.length]!;
          const words = tokenise(target.title);
          fc.pre(words.length > 0);
          const word = words[position % words.length]!;
          expect(searchResources(resources, word.toUpperCase())).toContain(target);
          const at = position % word.length;
          // One wrong letter in a word of 4 or more, or one missing letter when 4 or more are left: still found.
          if (word.length >= 4) expect(searchResources(resources, `${word.slice(0, at)}z${word.slice(at + 1)}`)).toContain(target);
          if (word.length >= 5) expect(searchResources(resources, word.slice(0, at) + word.slice(at + 1))).toContain(target);
        },
      ),
    );
  });
});
