import type { Frame, Page } from "playwright-core";
import { TAB_MESSAGES_DE } from "../../tab/src/i18n/de.js";
import { TAB_MESSAGES_EN, type TabCatalogue, type TabLanguage, type TabMessageKey } from "../../tab/src/i18n/messages.js";

const TAB_CATALOGUES: Record<TabLanguage, TabCatalogue> = { en: TAB_MESSAGES_EN, de: TAB_MESSAGES_DE };

/**
 * Finds English catalogue messages left in a page shown in another language. Only English values
 * that differ from the translation are looked for, and only ones that could not appear in German
 * text anyway: a value that occurs inside some German message or other German text the tab ships
 * ("EAP" in "Mitarbeiterberatung (EAP)", "Pause" in a guide's title) or has fewer than three letters
 * outside its placeholders cannot tell the languages apart.
 */
export interface EnglishProbe {
  key: TabMessageKey | "fluent";
  english: string;
  pattern: RegExp;
}

const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Call {value}" → /\bCall .+?/: the literal words in order, anything where a placeholder was. */
function patternOf(message: string): RegExp {
  const parts = message.split(/\{\w+\}/);
  const body = parts.map(escape).join(".+?");
  const start = /^\w/.test(message) ? "\\b" : "";
  const end = /\w$/.test(message) ? "\\b" : "";
  return new RegExp(`${start}${body}${end}`, "u");
}

export function englishProbes(language: TabLanguage, otherShippedText: readonly string[] = []): EnglishProbe[] {
  const translated: TabCatalogue = TAB_CATALOGUES[language];
  const translations = [...Object.values(translated), ...otherShippedText];
  return (Object.keys(TAB_MESSAGES_EN) as TabMessageKey[])
    .filter((key) => TAB_MESSAGES_EN[key] !== translated[key])
    .map((key) => ({ key, english: TAB_MESSAGES_EN[key], pattern: patternOf(TAB_MESSAGES_EN[key]) }))
    .filter((probe) => probe.english.replace(/\{\w+\}/g, "").replace(/[^\p{L}]/gu, "").length >= 3)
    .filter((probe) => !translations.some((message) => probe.pattern.test(message)));
}

/**
 * Everything a person can read or hear in the frame: the rendered text (innerText leaves out what
 * is hidden) and the names given in attributes, one entry per line.
 */
export async function readableText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const named = [...document.querySelectorAll("[aria-label], [placeholder], [title], [alt], [aria-description], [aria-valuetext]")]
      .filter((element) => !element.closest("[hidden], [aria-hidden='true']"))
      .flatMap((element) =>
        ["aria-label", "placeholder", "title", "alt", "aria-description", "aria-valuetext"].map((name) => element.getAttribute(name) ?? ""),
      );
    return [...document.body.innerText.split("\n"), ...named].map((line) => line.trim()).filter(Boolean);
  });
}

/** Every string in the JSON the server sent this page: data (names, titles, seeded resources), not the tab's words. */
export function collectServerStrings(page: Page): Set<string> {
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") value.split(/\n+/).forEach((line) => line.trim() && strings.add(line.trim()));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith("/api/") || !(response.headers()["content-type"] ?? "").includes("json")) return;
    response.json().then(walk, () => undefined);
  });
  return strings;
}

/** Where the server's strings stand in a line: whole words only, so a language code "en" is not found in "Open". */
function dataRanges(line: string, serverStrings: readonly string[]): [number, number][] {
  return serverStrings.flatMap((value) =>
    [...line.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, "gu"))].map((match): [number, number] => [
      match.index,
      match.index + value.length,
    ]),
  );
}

/**
 * The English messages found, as "key: English (in the line)". A match lying wholly inside a string
 * the server sent is data ("Member" in the name "Mia Member (dev)", "Active" in the guide "Active
 * listening") and does not count; a message around a data word ("See all crisis lines", where
 * "crisis" is a resource's tag) still does.
 */
export function englishLeft(lines: readonly string[], probes: readonly EnglishProbe[], serverStrings: ReadonlySet<string>): string[] {
  const data = [...serverStrings].filter((value) => value.length >= 2);
  const found: string[] = [];
  for (const line of lines) {
    const ranges = dataRanges(line, data);
    for (const probe of probes) {
      const matches = [...line.matchAll(new RegExp(probe.pattern.source, "gu"))];
      const isData = (start: number, end: number) => ranges.some(([from, to]) => from <= start && end <= to);
      if (matches.some((match) => !isData(match.index, match.index + match[0].length)))
        found.push(`${probe.key}: ${probe.english} (in "${line}")`);
    }
  }
  return [...new Set(found)];
}
