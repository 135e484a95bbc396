import { z } from "zod";
import { BUILT_IN_TEMPLATES } from "./built-in-templates.js";

/**
 * Huddle templates: the steps a facilitator walks a meeting through. Built-in templates live as data
 * in built-in-templates.ts; custom ones come in through `huddleTemplateInputSchema`. Both end up as the
 * same `HuddleTemplate`, so the clock and the meeting UI never need to know where a template came from.
 */

export { BUILT_IN_TEMPLATES };

export const HUDDLE_TEMPLATE_KINDS = ["morning_huddle", "debrief", "weekly_circle", "buddy_check_in", "custom"] as const;
export type HuddleTemplateKind = (typeof HUDDLE_TEMPLATE_KINDS)[number];

/** A speaking round: each person speaks in turn, in a shuffled order, and passing is always allowed. */
export interface SpeakingRound {
  readonly secondsPerSpeaker: number;
}

export interface HuddleStep {
  /** Stable once shipped: summaries and translations key on it. */
  readonly id: string;
  readonly title: string;
  /** Read aloud or shown to everyone in the meeting. */
  readonly prompt: string;
  readonly durationSeconds: number;
  readonly round?: SpeakingRound | undefined;
  /** A pulse check: each person taps a level 1..5, anonymously. */
  readonly pulse?: boolean | undefined;
  /** Seen only by whoever is facilitating. */
  readonly facilitatorNotes?: string | undefined;
}

export interface HuddleTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: HuddleTemplateKind;
  readonly steps: readonly HuddleStep[];
  readonly builtIn: boolean;
}

export const HUDDLE_TEMPLATE_LIMITS = {
  nameMaxLength: 80,
  descriptionMaxLength: 300,
  minSteps: 1,
  maxSteps: 20,
  stepTitleMaxLength: 80,
  promptMaxLength: 1000,
  facilitatorNotesMaxLength: 1000,
  minStepSeconds: 15,
  maxStepSeconds: 60 * 60,
  minSecondsPerSpeaker: 5,
  maxSecondsPerSpeaker: 10 * 60,
} as const;

const limits = HUDDLE_TEMPLATE_LIMITS;

// Text is trimmed before the length checks so a title of only spaces counts as empty.
const stepInputSchema = z
  .object({
    title: z.string().trim().min(1).max(limits.stepTitleMaxLength),
    prompt: z.string().trim().min(1).max(limits.promptMaxLength),
    durationSeconds: z.number().int().min(limits.minStepSeconds).max(limits.maxStepSeconds),
    round: z
      .object({ secondsPerSpeaker: z.number().int().min(limits.minSecondsPerSpeaker).max(limits.maxSecondsPerSpeaker) })
      .strict()
      .optional(),
    pulse: z.boolean().optional(),
    facilitatorNotes: z.string().trim().max(limits.facilitatorNotesMaxLength).optional(),
  })
  .strict()
  .refine((step) => !step.round || step.round.secondsPerSpeaker <= step.durationSeconds, {
    path: ["round", "secondsPerSpeaker"],
    message: "one person's turn cannot be longer than the whole step",
  })
  // The meeting shows either a speaking order or the pulse buttons for a step; it cannot show both.
  .refine((step) => !(step.pulse && step.round), {
    path: ["pulse"],
    message: "a step is either a pulse check or a speaking round, not both",
  });

/** What a facilitator or admin submits to make a custom template. Unknown fields are refused. */
export const huddleTemplateInputSchema = z
  .object({
    name: z.string().trim().min(1).max(limits.nameMaxLength),
    description: z.string().trim().max(limits.descriptionMaxLength).default(""),
    steps: z.array(stepInputSchema).min(limits.minSteps).max(limits.maxSteps),
  })
  .strict();

/** A custom template after validation (the description defaults to empty). */
export type HuddleTemplateInput = z.output<typeof huddleTemplateInputSchema>;
export type HuddleStepInput = HuddleTemplateInput["steps"][number];

/**
 * Turns validated input into a template. Step ids are positional ("step-1", "step-2", …) because a
 * custom template is saved as a whole; an edit makes a new version rather than patching steps.
 */
export function templateFromInput(input: HuddleTemplateInput, id: string): HuddleTemplate {
  if (id.trim() === "") throw new RangeError("a template needs an id");
  return {
    id,
    name: input.name,
    description: input.description,
    kind: "custom",
    builtIn: false,
    steps: input.steps.map((step, index) => ({
      id: `step-${index + 1}`,
      title: step.title,
      prompt: step.prompt,
      durationSeconds: step.durationSeconds,
      // Optional fields are left out rather than stored as undefined, so saved documents stay tidy.
      ...(step.round ? { round: { secondsPerSpeaker: step.round.secondsPerSpeaker } } : {}),
      ...(step.pulse ? { pulse: true } : {}),
      ...(step.facilitatorNotes ? { facilitatorNotes: step.facilitatorNotes } : {}),
    })),
  };
}

/** The editable form of any template, e.g. to start a custom template from a built-in one. */
export function inputFromTemplate(template: HuddleTemplate): HuddleTemplateInput {
  return {
    name: template.name,
    description: template.description,
    steps: template.steps.map((step) => ({
      title: step.title,
      prompt: step.prompt,
      durationSeconds: step.durationSeconds,
      ...(step.round ? { round: { secondsPerSpeaker: step.round.secondsPerSpeaker } } : {}),
      ...(step.pulse ? { pulse: true } : {}),
      ...(step.facilitatorNotes ? { facilitatorNotes: step.facilitatorNotes } : {}),
    })),
  };
}

/** The planned length of a template, before any "+1 minute" or overtime in the meeting. */
export function templateDurationSeconds(template: Pick<HuddleTemplate, "steps">): number {
  return template.steps.reduce((total, step) => total + step.durationSeconds, 0);
}

export function findBuiltInTemplate(id: string): HuddleTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id);
}
