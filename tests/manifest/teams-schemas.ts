import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import Ajv from "ajv-draft-04";

/** The Teams JSON schemas that @microsoft/app-manifest ships, read from the installed package (no network). */
const PACKAGE_DIRECTORY = dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json"));
const TEAMS_SCHEMAS = join(PACKAGE_DIRECTORY, "build", "json-schemas", "teams");

/** Released manifest versions the package carries schemas for, oldest first ("vDevPreview" is not one). */
export function shippedManifestVersions(): string[] {
  return readdirSync(TEAMS_SCHEMAS)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => {
      const [majorA, minorA] = a.split(".").map(Number) as [number, number];
      const [majorB, minorB] = b.split(".").map(Number) as [number, number];
      return majorA - majorB || minorA - minorB;
    });
}

export const NEWEST_MANIFEST_VERSION = shippedManifestVersions().at(-1)!;

export type JsonSchema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

export function teamsSchema(version: string, kind: "MicrosoftTeams" | "MicrosoftTeams.Localization"): JsonSchema {
  return JSON.parse(readFileSync(join(TEAMS_SCHEMAS, `v${version}`, `${kind}.schema.json`), "utf8")) as JsonSchema;
}

/** Validates with the package's own validator against the given shipped schema; [] when valid. */
export async function schemaErrors(document: unknown, schema: JsonSchema): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(document as never, schema as never);
}

/**
 * The same for the localization schema, which the package's own validator cannot compile: one of
 * its patterns (`activityTypes\[\b…\b]`) is invalid as a Unicode regular expression, which Ajv
 * uses by default. Ajv (draft-04, as the schema says) with plain regular expressions reads it.
 */
export function localizationErrors(document: unknown, schema: JsonSchema): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  const check = ajv.compile(schema);
  return check(document) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}
