import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const MEETING = "MCMxOTptZWV0aW5nX2ExMXlAdGhyZWFkLnYy";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  // A running huddle, so the side panel and stage show their full controls and countdown.
  const fin = await devToken(server, "fin");
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${fin}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  await post("/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" });
  await post(`/api/huddles/${encodeURIComponent(MEETING)}/actions`, { type: "start" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSurface(path: string, frameContext: string, theme: string, userKey: string): Promise<Frame> {
  // axe is injected as a script, which the tab's own CSP rightly forbids; only the test lifts it.
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  const user = DEV_USERS.find((candidate) => candidate.key === userKey)!;
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: path,
      frameContext,
      theme,
      token: await devToken(server, userKey),
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      meetingId: MEETING,
    },
    { width: 420, height: 900 },
  );
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector(`[data-theme="${theme}"] main`, { timeout: 15_000 });
  return frame;
}

// name, path, frame context, user, what to wait for, and optionally a button to press first.
const SURFACES: [string, string, string, string, string, string?][] = [
  ["configuration page", "/config", "settings", "fin", "#config-title"],
  ["side panel (facilitator)", "/meeting/side-panel", "sidePanel", "fin", '[data-testid="countdown"]'],
  ["side panel (participant)", "/meeting/side-panel", "sidePanel", "mia", '[data-testid="countdown"]'],
  ["stage", "/meeting/stage", "meetingStage", "sky", '[data-testid="countdown"]'],
  ["huddle templates", "/personal/templates", "content", "fin", '[data-testid="template-row"]'],
  ["huddle template editor", "/personal/templates", "content", "fin", "#template-editor-title", "New template"],
];

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const theme of ["default", "dark", "contrast"]) {
    it.each(SURFACES)(`%s in the ${theme} theme has no violations`, async (_name, path, frameContext, user, ready, press) => {
      const frame = await openSurface(path, frameContext, theme, user);
      if (press) await frame.getByRole("button", { name: press, exact: true }).click({ timeout: 15_000 });
      await frame.waitForSelector(ready, { timeout: 15_000 });
      await frame.evaluate(AXE_SOURCE);
      const violations = await frame.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
      await frame.page().context().close();
    });
  }
});
