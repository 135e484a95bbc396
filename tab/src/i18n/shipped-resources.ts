import { DEFAULT_RESOURCES, type Resource } from "../../../shared/resources/resource-catalogue.js";
import type { TabLanguage } from "./messages.js";

/** The words of a shipped entry that a viewer reads; names, numbers and addresses stay as the data gives them. */
export interface ShippedWords {
  readonly description: string;
  /** For an availability of kind "note". */
  readonly note?: string;
}

/**
 * The shipped crisis lines in German. They ship in the bundle and are shown before (or without) any
 * request, so their words are translated here rather than by the server. Crisis-line names and
 * phone numbers are not translated: that is how the lines answer and how people search for them.
 */
export const SHIPPED_CRISIS_LINES_DE: Readonly<Record<string, ShippedWords>> = {
  "default-988-lifeline": {
    description:
      "Rufen Sie 988 an, schreiben Sie eine SMS an 988 oder chatten Sie online: kostenlose und vertrauliche Unterstützung in den USA, jederzeit.",
  },
  "default-samaritans": {
    description:
      "Kostenloses, vertrauliches Zuhören für alle, denen es schlecht geht, im Vereinigten Königreich und in Irland, Tag und Nacht.",
  },
  "default-telefonseelsorge": {
    description: "Kostenlos und anonym zuhören: am Telefon, im Chat und per E-Mail in Deutschland, rund um die Uhr.",
  },
  "default-find-a-helpline": {
    description: "Ein Verzeichnis kostenloser, vertraulicher Krisentelefone in vielen Ländern, durchsuchbar nach Land und Thema.",
    note: "Verzeichnis kostenloser, vertraulicher Angebote weltweit",
  },
};

const SHIPPED: Partial<Record<TabLanguage, Readonly<Record<string, ShippedWords>>>> = { de: SHIPPED_CRISIS_LINES_DE };

/**
 * A shipped entry in the viewer's language, while its words are still the shipped English ones: an
 * entry a tenant's admin has reworded is theirs, and is shown exactly as they wrote it.
 */
export function inViewerLanguage<T extends Resource>(resource: T, language: TabLanguage): T {
  const words = SHIPPED[language]?.[resource.id];
  const shipped = DEFAULT_RESOURCES.find((candidate) => candidate.id === resource.id);
  if (!words || !shipped) return resource;
  const availability = resource.availability;
  const noteIsShipped =
    words.note !== undefined &&
    availability?.kind === "note" &&
    shipped.availability?.kind === "note" &&
    availability.note === shipped.availability.note;
  return {
    ...resource,
    ...(resource.description === shipped.description ? { description: words.description } : {}),
    ...(noteIsShipped ? { availability: { kind: "note", note: words.note } } : {}),
  };
}
