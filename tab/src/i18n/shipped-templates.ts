import { BUILT_IN_TEMPLATES } from "../../../shared/huddles/built-in-templates.js";
import type { HuddleTemplate } from "../../../shared/huddles/templates.js";
import type { TabLanguage } from "./messages.js";

/** What the template picker shows of a built-in template. */
export interface ShippedTemplateWords {
  readonly name: string;
  readonly description: string;
}

/** The built-in templates' names and descriptions in German, keyed by their ids (which never change once shipped). */
export const BUILT_IN_TEMPLATES_DE: Readonly<Record<string, ShippedTemplateWords>> = {
  "morning-huddle": {
    name: "Morgenrunde",
    description:
      "Fünf Minuten, um gemeinsam in den Tag zu starten: wie es uns geht, ein Wort von allen, und wer Unterstützung brauchen könnte.",
  },
  debrief: {
    name: "Nachbesprechung nach einem belastenden Einsatz",
    description:
      "Etwa eine halbe Stunde, um gemeinsam und ohne Schuldzuweisung auf ein schweres oder intensives Ereignis zurückzublicken und zu sehen, was die Einzelnen brauchen.",
  },
  "weekly-circle": {
    name: "Wöchentlicher Gesprächskreis",
    description:
      "Fünfundvierzig Minuten mit Ihrem Kreis: ein Check-in, ein Stimmungsbild, Zeit für das, was Sie beschäftigt, und Bitten und Angebote zur Unterstützung.",
  },
  "buddy-check-in": {
    name: "Buddy-Check-in",
    description:
      "Fünfzehn Minuten, in denen sich neue Kolleg:innen mit ihrem Buddy austauschen: was gut läuft, was schwierig ist und was helfen würde.",
  },
};

const SHIPPED: Partial<Record<TabLanguage, Readonly<Record<string, ShippedTemplateWords>>>> = { de: BUILT_IN_TEMPLATES_DE };

/**
 * A built-in template's name and description in the viewer's language, while they are still the
 * shipped English ones. Its steps are not translated yet: they are what the server runs.
 */
export function templateInViewerLanguage(template: HuddleTemplate, language: TabLanguage): HuddleTemplate {
  const words = SHIPPED[language]?.[template.id];
  const shipped = BUILT_IN_TEMPLATES.find((candidate) => candidate.id === template.id);
  if (!words || !shipped) return template;
  return {
    ...template,
    ...(template.name === shipped.name ? { name: words.name } : {}),
    ...(template.description === shipped.description ? { description: words.description } : {}),
  };
}
