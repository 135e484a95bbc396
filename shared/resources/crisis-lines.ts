import { availabilitySummary, DEFAULT_RESOURCES, type Resource } from "./resource-catalogue.js";

/**
 * The emergency block's data: crisis lines by country, used by the bot and the tab alike. They are
 * the catalogue's entries of category "crisis line", the tenant's own once an admin has configured
 * them, the shipped defaults otherwise. Every default is marked for the programme to check and adapt.
 */
export interface CrisisLine {
  name: string;
  /** ISO 3166-1 alpha-2 codes; empty means anywhere. */
  countries: string[];
  phone?: string;
  text?: string;
  url?: string;
  email?: string;
  availability: string;
  source: string;
  checkAndAdapt: boolean;
}

/** The crisis lines among catalogue entries, in catalogue order, in the shape the emergency block shows. */
export function crisisLinesOf(resources: readonly Resource[]): CrisisLine[] {
  return resources
    .filter((resource) => resource.category === "crisis_line")
    .map((resource) => {
      const first = (kind: string) => resource.contacts.find((contact) => contact.kind === kind)?.value;
      const phone = first("phone");
      const url = first("url");
      const email = first("email");
      return {
        name: resource.title,
        countries: [...resource.countries],
        ...(phone ? { phone } : {}),
        ...(url ? { url } : {}),
        ...(email ? { email } : {}),
        availability: availabilitySummary(resource.availability),
        source: resource.source ?? "",
        checkAndAdapt: resource.checkAndAdapt,
      };
    });
}

export const DEFAULT_CRISIS_LINES: readonly CrisisLine[] = crisisLinesOf(DEFAULT_RESOURCES);

/**
 * A tenant's crisis lines, or the defaults when it has none: whatever an admin does to the
 * catalogue, the emergency block is never empty.
 */
export function crisisLinesOrDefaults(resources: readonly Resource[]): CrisisLine[] {
  return crisisLinesOf(crisisResourcesOrDefaults(resources));
}

/** The same choice as catalogue entries, for surfaces that show every way to reach a line. */
export function crisisResourcesOrDefaults<T extends Resource>(resources: readonly T[]): (T | Resource)[] {
  const own = resources.filter((resource) => resource.category === "crisis_line");
  return own.length > 0 ? own : DEFAULT_RESOURCES.filter((resource) => resource.category === "crisis_line");
}

/** The country in a locale such as "en-GB", if it names one. */
export function countryOfLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** Entries for the person's country first, then the ones that serve everywhere, then the rest; stable otherwise. */
export function byCountry<T extends { readonly countries: readonly string[] }>(country: string | undefined, entries: readonly T[]): T[] {
  const rank = (entry: T) => (country && entry.countries.includes(country) ? 0 : entry.countries.length === 0 ? 1 : 2);
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

/** Lines for the person's country first, then the ones that serve everywhere, then the rest. */
export function crisisLinesFor(country: string | undefined, lines: readonly CrisisLine[] = DEFAULT_CRISIS_LINES): CrisisLine[] {
  return byCountry(country, lines);
}
