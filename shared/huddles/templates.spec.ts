import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_TEMPLATES,
  HUDDLE_TEMPLATE_KINDS,
  findBuiltInTemplate,
  huddleTemplateInputSchema,
  inputFromTemplate,
  templateDurationSeconds,
  templateFromInput,
} from "./templates.js";
import type { HuddleTemplate } from "./templates.js";

function builtIn(id: string): HuddleTemplate {
  const template = findBuiltInTemplate(id);
  if (!template) throw new Error(`no built-in template ${id}`);
  return template;
}

const validStep = { title: "Check-in", prompt: "How are you arriving today?", durationSeconds: 120 };
const validInput = { name: "Team retro circle", description: "A short circle after each sprint.", steps: [validStep] };

function withStep(overrides: Record<string, unknown>) {
  return { ...validInput, steps: [{ ...validStep, ...overrides }] };
}

function accepts(input: unknown): boolean {
  return huddleTemplateInputSchema.safeParse(input).success;
}

describe("built-in templates", () => {
  it.each([
    ["morning-huddle", 5 * 60],
    ["weekly-circle", 45 * 60],
    ["buddy-check-in", 15 * 60],
  ])("%s adds up to exactly %i seconds", (id, seconds) => {
    expect(templateDurationSeconds(builtIn(id))).toBe(seconds);
  });

  it("the debrief takes about 30 minutes (within 10%)", () => {
    const seconds = templateDurationSeconds(builtIn("debrief"));
    expect(seconds).toBeGreaterThanOrEqual(27 * 60);
    expect(seconds).toBeLessThanOrEqual(33 * 60);
  });

  it("covers each built-in kind once, all marked built-in, with unique ids", () => {
    expect(BUILT_IN_TEMPLATES.map((template) => template.kind).sort()).toEqual(
      HUDDLE_TEMPLATE_KINDS.filter((kind) => kind !== "custom").sort(),
    );
    expect(BUILT_IN_TEMPLATES.every((template) => template.builtIn)).toBe(true);
    expect(new Set(BUILT_IN_TEMPLATES.map((template) => template.id)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))("%s has unique step ids", (_id, template) => {
    const ids = template.steps.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][a-z0-9-]*$/.test(id))).toBe(true);
  });

  it.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))(
    "%s passes the custom template schema",
    (_id, template) => {
      const result = huddleTemplateInputSchema.safeParse(inputFromTemplate(template));
      expect(result.error?.issues).toBeUndefined();
    },
  );

  it("the morning huddle opens with the pulse check and has a 20-second one-word round", () => {
    const steps = builtIn("morning-huddle").steps;
    expect(steps[0]?.pulse).toBe(true);
    const rounds = steps.filter((step) => step.round);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]?.round?.secondsPerSpeaker).toBe(20);
    expect(rounds[0]?.prompt).toMatch(/one word/i);
  });

  it("the debrief opens with confidentiality, no blame, and passing being fine", () => {
    const firstPrompt = builtIn("debrief").steps[0]?.prompt ?? "";
    expect(firstPrompt).toMatch(/confidential/i);
    expect(firstPrompt).toMatch(/no blame/i);
    expect(firstPrompt).toMatch(/passing is always fine/i);
  });

  it("every template with a speaking round says passing is fine somewhere in it", () => {
    for (const template of BUILT_IN_TEMPLATES.filter((candidate) => candidate.steps.some((step) => step.round))) {
      expect(
        template.steps.some((step) => /\bpass(ing)?\b/i.test(step.prompt)),
        template.id,
      ).toBe(true);
    }
  });

  it("every template ends with a close that points to talking privately and to resources", () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const last = template.steps.at(-1);
      expect(last?.id, template.id).toBe("close");
      expect(last?.prompt, template.id).toMatch(/talk privately/i);
      expect(last?.prompt, template.id).toMatch(/resources/i);
    }
  });

  it("built-in data cannot be changed at run time", () => {
    const template = builtIn("morning-huddle");
    expect(() => (template.steps as HuddleTemplate["steps"][number][]).push(template.steps[0]!)).toThrow(TypeError);
    expect(() => Object.assign(template, { name: "Changed" })).toThrow(TypeError);
    expect(Object.isFrozen(template.steps[1]?.round)).toBe(true);
  });

  it("finds built-ins by id and nothing else", () => {
    expect(findBuiltInTemplate("debrief")?.kind).toBe("debrief");
    expect(findBuiltInTemplate("Debrief")).toBeUndefined();
    expect(findBuiltInTemplate("")).toBeUndefined();
  });
});

describe("custom template input", () => {
  it("accepts a minimal template and defaults the description to empty", () => {
    expect(huddleTemplateInputSchema.parse({ name: "  Quick sync  ", steps: [validStep] })).toEqual({
      name: "Quick sync",
      description: "",
      steps: [validStep],
    });
  });

  it("accepts 20 steps but refuses 0 or 21", () => {
    expect(accepts({ ...validInput, steps: Array.from({ length: 20 }, () => validStep) })).toBe(true);
    expect(accepts({ ...validInput, steps: [] })).toBe(false);
    expect(accepts({ ...validInput, steps: Array.from({ length: 21 }, () => validStep) })).toBe(false);
  });

  it.each([15, 3600])("accepts a step of %i seconds", (durationSeconds) => {
    expect(accepts(withStep({ durationSeconds }))).toBe(true);
  });

  it.each([14, 3601, 0, -60, 60.5, Number.NaN, Number.POSITIVE_INFINITY, "120"])("refuses a step of %s seconds", (durationSeconds) => {
    expect(accepts(withStep({ durationSeconds }))).toBe(false);
  });

  it.each([
    ["an empty name", { ...validInput, name: "" }],
    ["a name of only spaces", { ...validInput, name: "   " }],
    ["an 81-character name", { ...validInput, name: "n".repeat(81) }],
    ["a 301-character description", { ...validInput, description: "d".repeat(301) }],
    ["an 81-character step title", withStep({ title: "t".repeat(81) })],
    ["an empty prompt", withStep({ prompt: "" })],
    ["a 1001-character prompt", withStep({ prompt: "p".repeat(1001) })],
    ["1001 characters of facilitator notes", withStep({ facilitatorNotes: "f".repeat(1001) })],
  ])("refuses %s", (_case, input) => {
    expect(accepts(input)).toBe(false);
  });

  it("accepts texts right at their limits", () => {
    const atLimits = {
      name: "n".repeat(80),
      description: "d".repeat(300),
      steps: [{ ...validStep, title: "t".repeat(80), prompt: "p".repeat(1000), facilitatorNotes: "f".repeat(1000) }],
    };
    expect(accepts(atLimits)).toBe(true);
  });

  it.each([
    ["on the template", { ...validInput, kind: "debrief" }],
    ["builtIn on the template", { ...validInput, builtIn: true }],
    ["a step id", withStep({ id: "step-9" })],
    ["on a step", withStep({ colour: "red" })],
    ["on a round", withStep({ round: { secondsPerSpeaker: 20, order: "alphabetical" } })],
  ])("refuses unknown keys: %s", (_case, input) => {
    expect(accepts(input)).toBe(false);
  });

  it("refuses a speaker's turn longer than the step, and accepts one exactly as long", () => {
    const tooLong = huddleTemplateInputSchema.safeParse(withStep({ durationSeconds: 60, round: { secondsPerSpeaker: 61 } }));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.path).toEqual(["steps", 0, "round", "secondsPerSpeaker"]);
    expect(accepts(withStep({ durationSeconds: 60, round: { secondsPerSpeaker: 60 } }))).toBe(true);
  });

  it.each([4, 601, 12.5])("refuses %s seconds per speaker", (secondsPerSpeaker) => {
    expect(accepts(withStep({ durationSeconds: 3600, round: { secondsPerSpeaker } }))).toBe(false);
  });

  it("refuses a step that is both a pulse check and a speaking round", () => {
    expect(accepts(withStep({ pulse: true, round: { secondsPerSpeaker: 20 } }))).toBe(false);
    expect(accepts(withStep({ pulse: false, round: { secondsPerSpeaker: 20 } }))).toBe(true);
  });
});

describe("templateFromInput", () => {
  it("makes a custom, non-built-in template with positional step ids", () => {
    const input = huddleTemplateInputSchema.parse({
      ...validInput,
      steps: [
        { ...validStep, pulse: true },
        { ...validStep, round: { secondsPerSpeaker: 30 }, facilitatorNotes: "Start with yourself." },
        { ...validStep, pulse: false },
      ],
    });
    const template = templateFromInput(input, "tpl-42");
    expect(template).toMatchObject({
      id: "tpl-42",
      name: validInput.name,
      description: validInput.description,
      kind: "custom",
      builtIn: false,
    });
    expect(template.steps.map((step) => step.id)).toEqual(["step-1", "step-2", "step-3"]);
    expect(template.steps[1]).toEqual({
      id: "step-2",
      ...validStep,
      round: { secondsPerSpeaker: 30 },
      facilitatorNotes: "Start with yourself.",
    });
    expect(template.steps[2]).not.toHaveProperty("pulse");
    expect(template.steps[2]).not.toHaveProperty("round");
  });

  it("refuses an empty id", () => {
    expect(() => templateFromInput(huddleTemplateInputSchema.parse(validInput), " ")).toThrow(RangeError);
  });

  it("round-trips with inputFromTemplate and keeps the total duration, for any valid input", () => {
    const stepArbitrary = fc
      .record({
        title: fc.string({ minLength: 1, maxLength: 80 }).filter((text) => text.trim() === text && text.length > 0),
        prompt: fc.string({ minLength: 1, maxLength: 1000 }).filter((text) => text.trim() === text && text.length > 0),
        durationSeconds: fc.integer({ min: 15, max: 3600 }),
        speakerSeconds: fc.option(fc.integer({ min: 5, max: 600 }), { nil: undefined }),
      })
      .map(({ speakerSeconds, ...step }) =>
        speakerSeconds === undefined ? step : { ...step, round: { secondsPerSpeaker: Math.min(speakerSeconds, step.durationSeconds) } },
      );
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 20 }), (steps) => {
        const input = huddleTemplateInputSchema.parse({ name: "Generated", steps });
        const template = templateFromInput(input, "generated");
        expect(template.steps.map((step) => step.id)).toEqual(steps.map((_step, index) => `step-${index + 1}`));
        expect(templateDurationSeconds(template)).toBe(steps.reduce((total, step) => total + step.durationSeconds, 0));
        expect(inputFromTemplate(template)).toEqual(input);
      }),
    );
  });
});
