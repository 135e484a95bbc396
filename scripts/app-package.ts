import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BOT_MESSAGES_EN } from "../bot/src/bot/bot-messages.js";
import { manifestCommandLists } from "../bot/src/bot/commands/manifest-commands.js";
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

/** The values for one environment: env/.env.<name>, then its .user file, then the process environment. */
export function environmentValues(environmentName: string, overrides: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const values = {
    ...readEnvFile(join(PROJECT_ROOT, "env", `.env.${environmentName}`)),
    ...readEnvFile(join(PROJECT_ROOT, "env", `.env.${environmentName}.user`)),
  };
  for (const key of Object.keys(values)) if (overrides[key]) values[key] = overrides[key]!;
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

/** Writes appPackage/build/appPackage.<env>.zip with the filled manifest and both icons. */
export async function buildAppPackage(environmentName: string): Promise<string> {
  const manifest = filledManifest(environmentName);
  const buildDirectory = join(PROJECT_ROOT, "appPackage", "build");
  mkdirSync(buildDirectory, { recursive: true });
  const zipPath = join(buildDirectory, `appPackage.${environmentName}.zip`);
  const icons = ["color.png", "outline.png"].map((name) => ({ name, data: readFileSync(join(PROJECT_ROOT, "appPackage", name)) }));
  writeFileSync(zipPath, createZip([{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2)) }, ...icons]));
  return zipPath;
}
