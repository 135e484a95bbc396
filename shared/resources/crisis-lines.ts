/**
 * The emergency block's data: crisis lines by country, used by the bot and the tab alike until a
 * tenant configures its own. Every entry is marked for the programme to check and adapt.
 */
export interface CrisisLine {
  name: string;
  /** ISO 3166-1 alpha-2 codes; empty means anywhere. */
  countries: string[];
  phone?: string;
  text?: string;
  url?: string;
  availability: string;
  source: string;
  checkAndAdapt: true;
}

export const DEFAULT_CRISIS_LINES: readonly CrisisLine[] = [
  {
    name: "988 Suicide & Crisis Lifeline",
    countries: ["US"],
    phone: "988",
    text: "988",
    url: "https://988lifeline.org",
    availability: "24/7",
    source: "988lifeline.org",
    checkAndAdapt: true,
  },
  {
    name: "Samaritans",
    countries: ["GB", "IE"],
    phone: "116 123",
    url: "https://www.samaritans.org",
    availability: "24/7",
    source: "samaritans.org",
    checkAndAdapt: true,
  },
  {
    name: "Find a Helpline (international directory)",
    countries: [],
    url: "https://findahelpline.com",
    availability: "Directory of free, confidential lines worldwide",
    source: "findahelpline.com",
    checkAndAdapt: true,
  },
];

/** The country in a locale such as "en-GB", if it names one. */
export function countryOfLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** Lines for the person's country first, then the ones that serve everywhere, then the rest. */
export function crisisLinesFor(country: string | undefined, lines: readonly CrisisLine[] = DEFAULT_CRISIS_LINES): CrisisLine[] {
  const rank = (line: CrisisLine) => (country && line.countries.includes(country) ? 0 : line.countries.length === 0 ? 1 : 2);
  return [...lines].sort((a, b) => rank(a) - rank(b));
}
