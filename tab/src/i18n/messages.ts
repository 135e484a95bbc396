import { errorWords } from "../api/error-text.js";
import { TAB_MESSAGES_EN } from "./en.js";
import { loadShippedTemplates } from "./shipped-templates.js";

export { TAB_MESSAGES_EN };
export type TabMessageKey = keyof typeof TAB_MESSAGES_EN;
/** One language's catalogue: every key the English one has, no more, each a string. */
export type TabCatalogue = { readonly [K in TabMessageKey]: string };

/** The languages the tab speaks; any other locale reads English. */
export const TAB_LANGUAGES = ["en", "de"] as const;
export type TabLanguage = (typeof TAB_LANGUAGES)[number];

/**
 * English is in the first download; every other catalogue is a chunk of its own, fetched when
 * someone reads that language, so nobody downloads a language they do not read.
 */
export const CATALOGUE_LOADERS: { readonly [L in Exclude<TabLanguage, "en">]: () => Promise<TabCatalogue> } = {
  de: () => Promise.all([import("./de.js"), loadShippedTemplates("de")]).then(([module]) => module.TAB_MESSAGES_DE),
};

const loadedCatalogues: Partial<Record<TabLanguage, TabCatalogue>> = { en: TAB_MESSAGES_EN };

/** A catalogue already loaded, for rendering at once; undefined until `loadCatalogue` has fetched it. */
export function loadedCatalogue(language: TabLanguage): TabCatalogue | undefined {
  return loadedCatalogues[language];
}

/**
 * Fetches a language's catalogue once. The tab waits for it before showing text in that language
 * (the browser's language before the first render, Teams' before the session is ready), so a
 * German reader never sees the English words first.
 */
export async function loadCatalogue(language: TabLanguage): Promise<TabCatalogue> {
  if (language === "en") return TAB_MESSAGES_EN;
  return (loadedCatalogues[language] ??= await CATALOGUE_LOADERS[language]());
}

/** The catalogue language for a BCP 47 locale such as "de-DE" or Teams' "de-de"; English when it has none. */
export function languageOf(locale: string | undefined): TabLanguage {
  let language: string | undefined;
  try {
    language = locale ? new Intl.Locale(locale).language : undefined;
  } catch {
    language = undefined;
  }
  return TAB_LANGUAGES.find((candidate) => candidate === language) ?? "en";
}

/** The "{name}" placeholders of a message, sorted, for checking that translations keep them. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

function isMessageKey(key: string): key is TabMessageKey {
  return Object.hasOwn(TAB_MESSAGES_EN, key);
}

/**
 * A message that depends on a number: its forms are the keys `<base>_one` and `<base>_other` (and
 * any other CLDR category a language needs, such as `_few`), picked by `Intl.PluralRules`, so no
 * text says "circle(s)".
 */
export type PluralBase = {
  [K in TabMessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends TabMessageKey ? Base : never) : never;
}[TabMessageKey];

export type LabelGroup = "category" | "urgency" | "status" | "audit" | "contact" | "rosterStatus" | "insightsColumn";

/** Everything a component needs to show text in the viewer's language. */
export interface Messages {
  readonly language: TabLanguage;
  readonly text: TabCatalogue;
  /** A message with its "{name}" placeholders filled in; a missing value stays visible as "{name}". */
  formatMessage(key: TabMessageKey, values?: Record<string, string>): string;
  /** Labels keyed by data values, e.g. ("status", "open"); unknown values show as they are. */
  labelFor(group: LabelGroup, value: string): string;
  /** The form of `base` for `count` in the viewer's language, with "{count}" written as that language writes numbers. */
  formatCount(base: PluralBase, count: number, values?: Record<string, string>): string;
  /** What went wrong, in the viewer's language: never the browser's own words (see `errorWords`). */
  errorText(error: unknown): string;
}

/** The messages of one language, from its catalogue (see `CATALOGUE_LOADERS`). */
export function messagesFor(language: TabLanguage, text: TabCatalogue): Messages {
  const formatMessage = (key: TabMessageKey, values: Record<string, string> = {}) =>
    text[key].replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? `{${name}}`);
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  return {
    language,
    text,
    formatMessage,
    formatCount: (base, count, values = {}) => {
      const form = `${base}_${plurals.select(count)}`;
      const key = isMessageKey(form) ? form : (`${base}_other` as TabMessageKey);
      return formatMessage(key, { ...values, count: numbers.format(count) });
    },
    labelFor: (group, value) => {
      const key = group === "audit" ? `audit${value.charAt(0).toUpperCase()}${value.slice(1)}` : `${group}_${value}`;
      return isMessageKey(key) ? text[key] : value;
    },
    errorText: (error) => {
      const words = errorWords(error);
      return "key" in words ? text[words.key] : words.serverMessage;
    },
  };
}
