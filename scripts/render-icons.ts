/**
 * Renders the manifest icons from their SVG sources in headless Chromium, with a transparent
 * background, so the PNGs in appPackage/ can be regenerated after a design change.
 * Usage: npx tsx scripts/render-icons.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../tests/support/chromium.js";

const appPackage = new URL("../appPackage/", import.meta.url).pathname;
const browser = await launchChromium();
try {
  for (const [name, size] of [
    ["color", 192],
    ["outline", 32],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = readFileSync(join(appPackage, "icons-source", `${name}.svg`), "utf8");
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: join(appPackage, `${name}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}
