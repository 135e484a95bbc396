import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser } from "playwright-core";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const HOW_TO_FIX = "No Chromium found: run `apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).";

/** Chromium flags for a closed network: no background traffic that would fail or stall. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** CHROMIUM_PATH first, then a system Chromium, then one shipped in an npm package. */
export async function findChromium(): Promise<string> {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment;
    throw new Error(`CHROMIUM_PATH points to ${fromEnvironment}, which does not exist. ${HOW_TO_FIX}`);
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return system;
  try {
    const require = createRequire(import.meta.url);
    const packaged = require("@sparticuz/chromium") as {
      default?: { executablePath(): Promise<string> };
      executablePath?: () => Promise<string>;
    };
    const executablePath = await (packaged.default ?? packaged).executablePath!();
    if (executablePath && existsSync(executablePath)) return executablePath;
  } catch {
    // Not installed: fall through to the one-line fix.
  }
  throw new Error(HOW_TO_FIX);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
}
