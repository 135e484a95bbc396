import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (WCAG 2.1 A and AA) in a frame and returns one line per violation. The page must
 * come from a browser context with `bypassCSP: true`: the tab's own CSP rightly forbids injected scripts.
 * One known false positive is dropped: Fluent's focus manager (tabster) puts focusable, aria-hidden
 * `<i data-tabster-dummy>` sentinels around arrow-key groups such as charts, which only pass focus on
 * (microsoft/tabster#288; Accessibility Insights suppresses them the same way). Colour transitions
 * are let finish first.
 */
export async function axeViolations(frame: Frame): Promise<string[]> {
  // Fluent eases colours over 100 ms or so after a theme switch: measured mid-way, a button's text and
  // background are a blend of both themes, which no reader ever sees for long.
  await frame.evaluate(() => {
    // Only what ends: a spinner turns for ever. And never more than a second, whatever is running.
    const ending = document
      .getAnimations()
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY)));
    const settled = Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
    return Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  });
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations
      .map((violation) => ({
        ...violation,
        nodes: violation.nodes.filter((node) => !(violation.id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(node.html))),
      }))
      .filter((violation) => violation.nodes.length > 0)
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  });
}
