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
  await seedCircles();
  await seedBuddies();
  await seedRequest();
});

/** A request of Max's, made as the tab's "Talk to someone" makes one, so My requests and the queue have a row. */
async function seedRequest(): Promise<void> {
  const response = await fetch(`${server.url}/api/requests`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await devToken(server, "max")}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      form: { category: "workload", urgency: "today", preference: "any", contact: "chat", shareName: false },
      submissionId: "accessibility-seed-request",
    }),
  });
  if (!response.ok) throw new Error(`POST /api/requests as max: ${response.status} ${await response.text()}`);
}

/** A published round (so Home shows a real circle) and an open one with sign-ups (so there is something to preview). */
async function seedCircles(): Promise<void> {
  const tokens = Object.fromEntries(await Promise.all(DEV_USERS.map(async (user) => [user.key, await devToken(server, user.key)])));
  const send = async (user: string, method: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} as ${user}: ${response.status} ${await response.text()}`);
    return (await response.json().catch(() => ({}))) as { id: string };
  };
  const round = (name: string) => ({
    name,
    topic: "Looking after ourselves at work",
    closesOn: "2030-03-01",
    startsOn: "2030-03-04",
    groupSize: { min: 2, max: 6 },
    cadence: "fortnightly",
    slots: [
      { id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" },
      { id: "thu-16", weekday: "TH", localTime: "16:00", durationMinutes: 60, timeZone: "America/New_York" },
    ],
  });
  const answer = { timeZone: "Europe/London", windows: ["mon-9", "thu-16"], interests: ["running"] };
  const published = await send("ada", "POST", "/api/circle-rounds", round("Winter circles"));
  for (const user of DEV_USERS) await send(user.key, "PUT", `/api/circle-rounds/${published.id}/sign-up`, answer);
  await send("ada", "POST", `/api/circle-rounds/${published.id}/publish`, {});
  const open = await send("ada", "POST", "/api/circle-rounds", round("Spring circles"));
  for (const user of ["mia", "sam", "sky", "fin"]) await send(user, "PUT", `/api/circle-rounds/${open.id}/sign-up`, answer);
}
/** Two pairings (Mia and Max, each with a buddy), an offer with room, and a request nobody can meet. */
async function seedBuddies(): Promise<void> {
  const send = async (user: string, method: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await devToken(server, user)}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} as ${user}: ${response.status} ${await response.text()}`);
  };
  const windows = ["MO-09:00", "TU-09:00"];
  for (const user of ["sam", "fin"])
    await send(user, "PUT", "/api/buddies/offer", { timeZone: "Europe/London", windows, capacity: 2, team: "Ward 5" });
  for (const user of ["mia", "max"])
    await send(user, "PUT", "/api/buddies/request", { timeZone: "Europe/London", windows, team: "Ward 4" });
  await send("sky", "PUT", "/api/buddies/request", { timeZone: "Europe/London", windows: ["SU-03:00"] });
  await send("ada", "POST", "/api/buddies/match", {});
}
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
  // `main:has(a) b` waits for both of a page's independently loaded sections.
  [
    "home with circles and an open round",
    "/personal/home",
    "content",
    "max",
    'main:has([data-testid="my-circle"]) [data-testid="open-round"]',
  ],
  ["home, signed up for a round", "/personal/home", "content", "mia", 'main:has([data-testid="my-circle"]) [data-testid="signed-up"]'],
  ["home sign-up form", "/personal/home", "content", "max", '[data-testid="sign-up-form"] input[type="checkbox"]', "Sign up"],
  ["home, leaving a circle", "/personal/home", "content", "max", '[data-testid="my-circle"] [role="alertdialog"]', "Leave circle"],
  ["programme page", "/personal/programme", "content", "ada", 'main:has([data-testid="admin-circle"]) [data-testid="admin-round"]'],
  ["programme preview", "/personal/programme", "content", "ada", '[data-testid="round-preview"]', "Preview circles"],
  ["programme round form", "/personal/programme", "content", "ada", '[data-testid="open-round-form"]', "Open a sign-up round"],
  ["programme page (not an admin)", "/personal/programme", "content", "mia", '[data-testid="programme-admins-only"]'],
  ["home with a buddy pairing", "/personal/home", "content", "mia", 'main:has([data-testid="my-circle"]) [data-testid="buddy-pairing"]'],
  ["home, ending a buddy pairing", "/personal/home", "content", "mia", '[data-testid="buddy-pairing"] [role="alertdialog"]', "End pairing"],
  [
    "home as a buddy with an open offer",
    "/personal/home",
    "content",
    "fin",
    '[data-testid="buddy-pairing"] ~ [data-testid="buddy-offer-open"]',
  ],
  ["home with an open buddy request", "/personal/home", "content", "sky", '[data-testid="buddy-request-open"]'],
  [
    "home buddy offer form",
    "/personal/home",
    "content",
    "sky",
    '[data-testid="buddy-offer-form"] input[type="checkbox"]',
    "I can be a buddy",
  ],
  [
    "home buddy request form",
    "/personal/home",
    "content",
    "ada",
    '[data-testid="buddy-request-form"] textarea',
    "I'm new — find me a buddy",
  ],
  [
    "home, talking to someone",
    "/personal/home",
    "content",
    "mia",
    '[data-testid="talk-panel"] [data-testid="talk-text"]',
    "Talk to someone",
  ],
  ["my requests as cards", "/personal/requests", "content", "max", '[data-testid="my-request-card"]'],
  // The host frame is phone-narrow: the queue shows one card per request.
  ["the queue as cards", "/personal/queue", "content", "sam", '[data-testid="caseload"] ~ ul [data-testid="queue-card"]'],
  ["programme buddy pairings", "/personal/programme", "content", "ada", '[data-testid="admin-buddy-pairing"]'],
  ["programme buddy matching", "/personal/programme", "content", "ada", '[data-testid="buddy-unmatched"]', "Match buddies now"],
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
