import type { HuddleStep, HuddleTemplate } from "../../../shared/huddles/templates.js";
import type { TabLanguage } from "./messages.js";

/** A built-in step's words; the timing and the speaking round stay as the template has them. */
export interface ShippedStepWords {
  readonly title: string;
  readonly prompt: string;
  readonly facilitatorNotes?: string;
}

/** What a viewer reads of a built-in template: its name and description, and each step's words by step id. */
export interface ShippedTemplateWords {
  readonly name: string;
  readonly description: string;
  readonly steps: Readonly<Record<string, ShippedStepWords>>;
}

/** One language's built-in template words, with the English templates they translate. */
export interface ShippedTemplates {
  readonly words: Readonly<Record<string, ShippedTemplateWords>>;
  readonly originals: readonly HuddleTemplate[];
}

/**
 * Like the catalogues, other languages' template words are a chunk of their own, fetched with that
 * language's catalogue (see loadCatalogue), so an English reader downloads neither them nor the
 * English templates they are compared with.
 */
const TEMPLATE_LOADERS: { readonly [L in Exclude<TabLanguage, "en">]: () => Promise<ShippedTemplates> } = {
  de: () => import("./shipped-templates-de.js").then((module) => module.SHIPPED_TEMPLATES_DE),
};
const loadedTemplates: Partial<Record<TabLanguage, ShippedTemplates>> = {};

export async function loadShippedTemplates(language: TabLanguage): Promise<void> {
  if (language !== "en") loadedTemplates[language] ??= await TEMPLATE_LOADERS[language]();
}

/**
 * A built-in template in the viewer's language: each name, description and step text that is still
 * the shipped English one. What a tenant has reworded, and every custom template, stays as written.
 */
export function templateInViewerLanguage(template: HuddleTemplate, language: TabLanguage): HuddleTemplate {
  const words = loadedTemplates[language]?.words[template.id];
  const shipped = loadedTemplates[language]?.originals.find((candidate) => candidate.id === template.id);
  if (!words || !shipped) return template;
  return {
    ...template,
    ...(template.name === shipped.name ? { name: words.name } : {}),
    ...(template.description === shipped.description ? { description: words.description } : {}),
    steps: template.steps.map((step) => stepInViewerLanguage(template.id, step, language)),
  };
}

/** One step of a huddle made from a built-in template (the server runs its steps as they were shipped). */
export function stepInViewerLanguage<T extends Pick<HuddleStep, "id" | "title" | "prompt"> & { facilitatorNotes?: string | undefined }>(
  templateId: string | undefined,
  step: T,
  language: TabLanguage,
): T {
  const words = templateId === undefined ? undefined : loadedTemplates[language]?.words[templateId]?.steps[step.id];
  const shipped = loadedTemplates[language]?.originals
    .find((candidate) => candidate.id === templateId)
    ?.steps.find((candidate) => candidate.id === step.id);
  if (!words || !shipped) return step;
  return {
    ...step,
    ...(step.title === shipped.title ? { title: words.title } : {}),
    ...(step.prompt === shipped.prompt ? { prompt: words.prompt } : {}),
    ...(words.facilitatorNotes !== undefined && step.facilitatorNotes === shipped.facilitatorNotes
      ? { facilitatorNotes: words.facilitatorNotes }
      : {}),
  };
}
