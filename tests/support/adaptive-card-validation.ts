import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { AdaptiveCard as ParsedCard, ValidationError, type IValidationError } from "adaptivecards";
import { Ajv } from "ajv";

/**
 * Is a card the bot sends a valid Adaptive Card 1.5? Three checks, each counting as a failure:
 * - the official 1.5 JSON schema (microsoft/AdaptiveCards schemas/1.5.0, tests/fixtures/schemas),
 *   whose elements are closed (additionalProperties: false), so a misspelt property fails too;
 * - every `type` in the card is an element or action the schema defines, introduced at 1.5 or
 *   before, and the card says version "1.5" (the schema itself takes any version string);
 * - the `adaptivecards` package's own parser. It is 1.2.3 (present through botframework-schema),
 *   which knows only schema 1.2: it always reports the 1.5 version and Action.Execute (1.4) as
 *   unsupported and silently ignores 1.3+ properties (label, style "heading", refresh). Those two
 *   reports are expected and skipped; any other parse or validation report is a failure.
 */

const MAX_VERSION = "1.5";
const SCHEMA_FILE = new URL("../fixtures/schemas/adaptive-card.v1.5.schema.json", import.meta.url);

interface SchemaDefinition {
  version?: string;
  properties?: { type?: { enum?: string[] } };
}
const { id: schemaId, ...schemaBody } = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as {
  id: string;
  definitions: Record<string, SchemaDefinition>;
};

// The official file names itself with draft-04's `id`; Ajv 8 reads draft-06 only with `$id`.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json") as object);
ajv.addFormat("uri", (value: string) => URL.canParse(value));
ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "https://base.example/"));
const validateSchema = ajv.compile({ $id: schemaId, ...schemaBody });

/** Element and action type → the card version that introduced it (1.0 when the schema names none). */
export const SCHEMA_TYPES: ReadonlyMap<string, string> = new Map(
  Object.entries(schemaBody.definitions)
    .filter(([name, definition]) => definition.properties?.type?.enum?.includes(name))
    .map(([name, definition]) => [name, definition.version ?? "1.0"]),
);

const newerThan = (version: string, limit: string) => {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [limitMajor = 0, limitMinor = 0] = limit.split(".").map(Number);
  return major > limitMajor || (major === limitMajor && minor > limitMinor);
};

function schemaProblems(card: unknown): string[] {
  if (validateSchema(card)) return [];
  return (validateSchema.errors ?? []).map((error) => `schema: ${error.instancePath || "/"} ${error.message ?? ""}`);
}

/** Every `type` anywhere in the card, with where it is. Fact and choice objects have none. */
function typesIn(value: unknown, path = ""): { path: string; type: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => typesIn(item, `${path}/${index}`));
  if (!value || typeof value !== "object") return [];
  const entries = Object.entries(value as Record<string, unknown>);
  const own = typeof (value as { type?: unknown }).type === "string" ? [{ path: path || "/", type: (value as { type: string }).type }] : [];
  // An action's `data` is the bot's own payload, not card structure: a `type` in it is not an element.
  return [...own, ...entries.filter(([key]) => key !== "data").flatMap(([key, child]) => typesIn(child, `${path}/${key}`))];
}

function typeProblems(card: unknown): string[] {
  const problems: string[] = [];
  const version = (card as { version?: unknown }).version;
  if (version !== MAX_VERSION) problems.push(`version ${JSON.stringify(version)}, not "${MAX_VERSION}"`);
  for (const { path, type } of typesIn(card)) {
    const since = SCHEMA_TYPES.get(type);
    if (!since) problems.push(`unknown element type ${JSON.stringify(type)} at ${path}`);
    else if (newerThan(since, MAX_VERSION)) problems.push(`${type} at ${path} needs card version ${since}`);
  }
  return problems;
}

/** The 1.2 parser's reports that only say it is older than 1.5. */
const expectedFromOldParser = (report: IValidationError) =>
  report.error === ValidationError.UnsupportedCardVersion ||
  (report.error === ValidationError.UnknownActionType && report.message.includes("Action.Execute"));

function parserProblems(card: unknown): string[] {
  const parsed = new ParsedCard();
  const reports: IValidationError[] = [];
  parsed.parse(card, reports);
  const failures = parsed.validateProperties().failures.flatMap((failure) => failure.errors);
  return [...reports, ...failures]
    .filter((report) => !expectedFromOldParser(report))
    .map((report) => `adaptivecards ${ValidationError[report.error]}: ${report.message}`);
}

/** Everything wrong with the card as an Adaptive Card 1.5; empty when it is valid. */
export function adaptiveCardProblems(card: unknown): string[] {
  return [...schemaProblems(card), ...typeProblems(card), ...parserProblems(card)];
}
