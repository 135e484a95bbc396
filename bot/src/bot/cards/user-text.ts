/**
 * Words that come from people (display names, relayed messages, request text, circle names and
 * topics, an admin's crisis-line details) end up in cards that someone else reads. Teams renders
 * markdown in TextBlocks and FactSets and turns addresses into links, so unescaped, one person
 * could put a bold "security notice" with a phishing link into a supporter's chat that looks like
 * the bot's own. Every card builder passes such words through here, and nowhere else.
 *
 * What the reader gets is the person's words as plain text: markdown characters are
 * backslash-escaped (Teams shows `\*` as `*`), addresses are defanged with visible brackets
 * (`evil[.]example`, `https[://]…`) because an invisible break could be dropped again by a
 * browser, hidden and reordering characters are removed, and blank lines are closed up so the
 * words cannot pose as a separate paragraph from the bot.
 */

export interface UserTextOptions {
  /** Keeps single line breaks (a message, a request); otherwise every break becomes a space. */
  multiline?: boolean;
  /** In characters as people count them (code points); longer text is cut with an ellipsis. */
  maxLength?: number;
  /** False when the words follow other text on their line, where a leading `-` or `1.` is no list. */
  atLineStart?: boolean;
}

const SINGLE_LINE_MAX = 300;
const MULTILINE_MAX = 2000;

/** For TextBlock and FactSet text: the words, shown as they were typed, with no markdown or link. */
export function userText(value: string | undefined, options: UserTextOptions = {}): string {
  const multiline = options.multiline ?? false;
  const words = clamp(
    tidyWhitespace(withoutHiddenCharacters(unifyLineBreaks(value ?? "")), multiline),
    options.maxLength ?? (multiline ? MULTILINE_MAX : SINGLE_LINE_MAX),
  );
  return escapeMarkdown(defangAddresses(words), options.atLineStart ?? true);
}

/**
 * For places Teams shows as they are (a choice's title, a button): no markdown to escape, but
 * hidden characters and line breaks would still let the words hide or reorder what is shown.
 */
export function plainUserText(value: string | undefined, maxLength = SINGLE_LINE_MAX): string {
  return clamp(tidyWhitespace(withoutHiddenCharacters(unifyLineBreaks(value ?? "")), false), maxLength);
}

/** Fills a catalogue template's `{slots}` (as format does), each value treated as someone's words; the template's own markdown stays. */
export function formatCardText(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (slot: string, name: string, offset: number) => {
    const value = values[name];
    if (value === undefined) return slot;
    return userText(value, { atLineStart: offset === 0 || template[offset - 1] === "\n" });
  });
}

/** Backslash-escapes markdown only, for text already known to be safe to show as a link's label. */
export function escapeMarkdown(text: string, atLineStart = true): string {
  return text
    .replace(/[\\*_~`[\]{}<]/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    .split("\n")
    .map((line, index) => (index === 0 && !atLineStart ? line : escapeLineStart(line)))
    .join("\n");
}

/** What makes a line a heading, quote, list, rule or table row. */
function escapeLineStart(line: string): string {
  return line.replace(/^[#>+\-=|]/, "\\$&").replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

function unifyLineBreaks(text: string): string {
  // Vertical tab and form feed are line breaks people can paste, as are NEL and the Unicode separators.
  return text.replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, "\n").replace(/\t/g, " ");
}

// Controls (C0 but the newline, DEL, C1), soft hyphen, bidi marks, embeddings, overrides and
// isolates, zero-width and other invisible format characters, and tag characters. Browsers drop
// several of these inside an address, so left in they could also hide one from the defanging.
// `[^\P{Cc}\n]` is every control character but the newline.
const HIDDEN_CHARACTERS =
  /[^\P{Cc}\n]|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\uFE0F/gu;
const PICTOGRAPH_BEFORE = /\p{Extended_Pictographic}\uFE0F?$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

/** Keeps only the joiners and variation selectors that hold an emoji such as a family or a flag together. */
function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, (character: string, offset: number) => {
    const before = text.slice(Math.max(0, offset - 3), offset);
    if (character === "\u200D" && PICTOGRAPH_BEFORE.test(before) && PICTOGRAPH_AFTER.test(text.slice(offset + 1, offset + 3)))
      return character;
    if (character === "\uFE0F" && /\p{Extended_Pictographic}$/u.test(before)) return character;
    return "";
  });
}

function tidyWhitespace(text: string, multiline: boolean): string {
  const lines = text.split("\n").map((line) => line.replace(/\s+/g, " ").trim());
  return multiline ? lines.filter(Boolean).join("\n") : lines.filter(Boolean).join(" ");
}

function clamp(text: string, maxLength: number): string {
  const characters = Array.from(text);
  return characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join("")}…` : text;
}

const SCHEMES_WITHOUT_SLASHES = /\b(mailto|tel|sms|callto|sips?|msteams|javascript|vbscript|data|file|ftp|skype|xmpp|news|im):(?=\S)/giu;
// A dot (or an ideographic or full-width one, which browsers accept in addresses) between
// something and a letter-led label: what turns "evil.example" or "www.x.yz" into a link.
const HOST_DOT = /(?<=[^\s.])([.\u3002\uFF0E\uFF61])(?=\p{L}[\p{L}\p{N}])/gu;
const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g;

/** Breaks whatever Teams would turn into a link by itself, visibly, so the words still read the same. */
function defangAddresses(text: string): string {
  return text
    .replace(/:\/\//g, "[://]")
    .replace(/(^|[^\p{L}\p{N}/:])\/\/(?=[\p{L}\p{N}])/gu, "$1[//]")
    .replace(SCHEMES_WITHOUT_SLASHES, "$1[:]")
    .replace(IPV4, "$1[.]$2[.]$3[.]$4")
    .replace(HOST_DOT, "[$1]");
}
