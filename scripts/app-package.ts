import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BOT_MESSAGES_EN, botMessages } from "../bot/src/bot/bot-messages.js";
import { localizedCommandStrings, manifestCommandLists } from "../bot/src/bot/commands/manifest-commands.js";
import { createZip } from "./zip-writer.js";

export const PROJECT_ROOT = new URL("../", import.meta.url).pathname;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** Reads a Teams Toolkit env file (`KEY=value` lines, `#` comments). Missing files read as empty. */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return values;
}

/** The values for one environment: env/.env.<name>, then its .user file, then the process environment over both. */
export function environmentValues(environmentName: string, overrides: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const values = {
    ...readEnvFile(join(PROJECT_ROOT, "env", `.env.${environmentName}`)),
    ...readEnvFile(join(PROJECT_ROOT, "env", `.env.${environmentName}.user`)),
  };
  // The process environment wins, also for names the files lack: the Toolkit runs `npm run package`
  // with the values earlier provisioning steps produced, before it writes them to the files.
  for (const [key, value] of Object.entries(overrides)) if (/^[A-Z0-9_]+$/.test(key) && value) values[key] = value;
  if (!values.TAB_DOMAIN && values.TAB_ENDPOINT) values.TAB_DOMAIN = new URL(values.TAB_ENDPOINT).host;
  return values;
}

/** Fills `${{VAR}}` placeholders the way the Toolkit does, and refuses to leave any unfilled. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    if (values[name] === undefined) missing.add(name);
    return values[name] ?? "";
  });
  if (missing.size > 0) throw new Error(`Missing values for ${[...missing].join(", ")}`);
  return filled;
}

/**
 * appPackage/manifest.json filled for an environment, with the bot's command lists from the bot's
 * command registry: a command added there is offered in Teams without editing the manifest.
 */
export function filledManifest(environmentName: string): Record<string, unknown> {
  const template = readFileSync(join(PROJECT_ROOT, "appPackage", "manifest.json"), "utf8");
  const manifest = JSON.parse(fillPlaceholders(template, environmentValues(environmentName))) as Record<string, unknown>;
  const [bot] = manifest.bots as Record<string, unknown>[];
  if (bot) bot.commandLists = manifestCommandLists(BOT_MESSAGES_EN);
  return manifest;
}

export interface AdditionalLanguage {
  languageTag: string;
  file: string;
}

/** The languages the manifest's localizationInfo names besides the default. */
export function additionalLanguages(manifest: Record<string, unknown>): AdditionalLanguage[] {
  return (manifest.localizationInfo as { additionalLanguages?: AdditionalLanguage[] } | undefined)?.additionalLanguages ?? [];
}

/**
 * A language's localization file: appPackage/<file> filled for the environment, plus the bot's
 * command descriptions from that language's bot catalogue, at the manifest's own list positions.
 */
export function filledLocalization(environmentName: string, language: AdditionalLanguage): Record<string, unknown> {
  const template = readFileSync(join(PROJECT_ROOT, "appPackage", language.file), "utf8");
  const strings = JSON.parse(fillPlaceholders(template, environmentValues(environmentName))) as Record<string, unknown>;
  return { ...strings, ...localizedCommandStrings(botMessages(language.languageTag)) };
}

/** Writes appPackage/build/appPackage.<env>.zip with the filled manifest, its localization files and both icons. */
export async function buildAppPackage(environmentName: string): Promise<string> {
  const manifest = filledManifest(environmentName);
  const buildDirectory = join(PROJECT_ROOT, "appPackage", "build");
  mkdirSync(buildDirectory, { recursive: true });
  const zipPath = join(buildDirectory, `appPackage.${environmentName}.zip`);
  const icons = ["color.png", "outline.png"].map((name) => ({ name, data: readFileSync(join(PROJECT_ROOT, "appPackage", name)) }));
  const localizations = additionalLanguages(manifest).map((language) => ({
    name: language.file,
    data: Buffer.from(JSON.stringify(filledLocalization(environmentName, language), null, 2)),
  }));
  const manifestEntry = { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2)) };
  writeFileSync(zipPath, createZip([manifestEntry, ...localizations, ...icons]));
  return zipPath;
}
