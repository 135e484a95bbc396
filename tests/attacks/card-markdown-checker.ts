/**
 * Reads an Adaptive Card the way Teams would and counts what in its text would render as more than
 * plain words: markdown, links (written or automatic), html, mentions, entities, date functions,
 * templating, hidden or reordering characters, extra paragraphs. It is deliberately stricter than
 * any one renderer: an unescaped `*` counts even where CommonMark would leave it alone.
 *
 * A card's own wording has some of these on purpose (a bold reference code), so the attack test
 * compares a card built with a payload against the same card built with a harmless value.
 */

/** Where Teams applies markdown (TextBlock, FactSet) and where it shows text as it is (inputs, buttons). */
export interface CardText {
  path: string;
  markdown: boolean;
  text: string;
}

export function cardTexts(node: unknown, path = "card"): CardText[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => cardTexts(item, `${path}[${index}]`));
  if (typeof node !== "object" || node === null) return [];
  const element = node as Record<string, unknown>;
  const found: CardText[] = [];
  const add = (key: string, markdown: boolean) => {
    if (typeof element[key] === "string") found.push({ path: `${path}.${key}`, markdown, text: element[key] });
  };
  if (element.type === "TextBlock") add("text", true);
  if (path.includes(".facts[")) {
    add("title", true);
    add("value", true);
  } else if (element.type !== "TextBlock") for (const key of ["title", "label", "placeholder", "errorMessage"]) add(key, false);
  for (const [key, value] of Object.entries(element)) {
    if (typeof value === "object" && value !== null) found.push(...cardTexts(value, `${path}.${key}`));
  }
  return found;
}

/** Every address a reader could open: buttons, tap targets, images, and links written in text. */
export function cardUrls(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardUrls);
  if (typeof node !== "object" || node === null) return [];
  const element = node as Record<string, unknown>;
  const urls: string[] = [];
  if (typeof element.url === "string") urls.push(element.url);
  if (typeof element.backgroundImage === "string") urls.push(element.backgroundImage);
  for (const value of Object.values(element)) if (typeof value === "object" && value !== null) urls.push(...cardUrls(value));
  return urls;
}

export function markdownLinkUrls(card: unknown): string[] {
  return cardTexts(card)
    .filter((text) => text.markdown)
    .flatMap((text) => scanMarkdown(text.text).linkUrls);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Which characters a backslash turns into plain ones, as CommonMark reads them. */
function escapeMask(text: string): boolean[] {
  const escaped = new Array<boolean>(text.length).fill(false);
  for (let index = 0; index < text.length; index++) {
    if (text[index] === "\\" && index + 1 < text.length && ASCII_PUNCTUATION.test(text[index + 1]!)) {
      escaped[index + 1] = true;
      index++;
    }
  }
  return escaped;
}

/** What the reader sees: escapes gone. */
export function renderedText(text: string): string {
  const escaped = escapeMask(text);
  return Array.from(text, (character, index) => (escaped[index + 1] && character === "\\" ? "" : character)).join("");
}

// Hidden or reordering characters: C0/C1 controls but the newline, bidi embeddings, overrides and
// isolates, zero-width and other format characters, line and paragraph separators, tag characters.
// A zero-width joiner or variation selector inside an emoji sequence is part of the emoji.
// `[^\P{Cc}\n]` is every control character but the newline.
const INVISIBLE = /[^\P{Cc}\n]|[\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\uFE0F/gu;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})|(?<=\p{Extended_Pictographic})\uFE0F/gu;

const AUTOLINKS: readonly RegExp[] = [
  /[a-z][a-z0-9+.-]*:\/\//giu,
  /(?:^|[^\p{L}\p{N}/:])\/\/[\p{L}\p{N}]/gu,
  /\b(?:mailto|tel|sms|callto|sips?|msteams|javascript|vbscript|data|file|ftp|skype|xmpp|news|im):(?=\S)/giu,
  /[\p{L}\p{N}_%+-][.\u3002\uFF0E\uFF61]\p{L}[\p{L}\p{N}]/gu,
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/gu,
];

export interface MarkdownScan {
  counts: Map<string, number>;
  linkUrls: string[];
}

/** Counts every construct in one piece of markdown text, by kind. */
export function scanMarkdown(text: string): MarkdownScan {
  const counts = new Map<string, number>();
  const count = (kind: string, by = 1) => by > 0 && counts.set(kind, (counts.get(kind) ?? 0) + by);
  const escaped = escapeMask(text);
  const linkUrls: string[] = [];
  const links = /\[([^\]\n]*)\]\(([^)\s]*)\)/g;
  let withoutLinks = text;
  for (const match of text.matchAll(links)) {
    if (escaped[match.index]) continue;
    count("link");
    linkUrls.push(match[2]!);
    withoutLinks = withoutLinks.replace(match[0], " ");
  }
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (escaped[index]) continue;
    if ("*_~`".includes(character)) count(`emphasis ${character}`);
    if ("[]".includes(character)) count("bracket");
    if (character === "<") count("html or mention");
    if ("{}".includes(character)) count("brace");
    if (character === "&" && /^&#?[a-z0-9]+;/i.test(text.slice(index))) count("entity");
  }
  let offset = 0;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    if (indent >= 4) count("indented code");
    const first = offset + indent;
    const lead = line.trimStart()[0];
    if (lead && "#>+-*=|".includes(lead) && !escaped[first]) count(`line start ${lead}`);
    const ordered = /^\d{1,9}[.)]/.exec(line.trimStart());
    if (ordered && !escaped[first + ordered[0].length - 1]) count("line start numbered list");
    offset += line.length + 1;
  }
  count("paragraph break", (text.match(/\n[ \t]*\n/g) ?? []).length);
  count("hidden character", (text.replace(EMOJI_JOINER, "").match(INVISIBLE) ?? []).length);
  count("date function", (text.match(/\{\{(?:DATE|TIME)\(/g) ?? []).length);
  count("template", (text.match(/\$\{/g) ?? []).length);
  const shown = renderedText(withoutLinks);
  for (const pattern of AUTOLINKS) count(`autolink ${pattern.source.slice(0, 12)}`, (shown.match(pattern) ?? []).length);
  return { counts, linkUrls };
}

/** Constructs in plain-text places (inputs, buttons) that could hide or reorder what is shown. */
export function scanPlain(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const hidden = (text.replace(EMOJI_JOINER, "").match(INVISIBLE) ?? []).length;
  if (hidden) counts.set("hidden character", hidden);
  if (text.includes("\n")) counts.set("line break", 1);
  return counts;
}

/** All constructs in a card, by kind; plain-text places are prefixed so they never mix with markdown. */
export function cardConstructs(card: unknown): Map<string, number> {
  const total = new Map<string, number>();
  for (const text of cardTexts(card)) {
    const counts = text.markdown ? scanMarkdown(text.text).counts : scanPlain(text.text);
    for (const [kind, value] of counts) {
      const key = text.markdown ? kind : `plain ${kind}`;
      total.set(key, (total.get(key) ?? 0) + value);
    }
  }
  return total;
}

/** Kinds the payload card has more of than the harmless one: what the payload added. */
export function addedConstructs(withPayload: unknown, harmless: unknown): string[] {
  const before = cardConstructs(harmless);
  return [...cardConstructs(withPayload)]
    .filter(([kind, value]) => value > (before.get(kind) ?? 0))
    .map(([kind, value]) => `${kind} (${before.get(kind) ?? 0} → ${value})`);
}

/** Letters and digits only, so escapes and defanged dots do not hide whether the words survived. */
export const wordsOf = (text: string) => (text.match(/[\p{L}\p{N}]/gu) ?? []).join("");

export function shownWords(card: unknown): string {
  return cardTexts(card)
    .map((text) => wordsOf(text.markdown ? renderedText(text.text) : text.text))
    .join(" ");
}
