import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { crisisResourcesOrDefaults } from "../../shared/resources/crisis-lines.js";
import { TAB_MESSAGES_DE } from "../../tab/src/i18n/de.js";
import { SHIPPED_CRISIS_LINES_DE, SHIPPED_GUIDES_DE } from "../../tab/src/i18n/shipped-resources.js";
import { BUILT_IN_TEMPLATES_DE } from "../../tab/src/i18n/shipped-templates-de.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { collectServerStrings, englishLeft, englishProbes, readableText } from "./english-left.js";

/**
 * The tab in German when Teams says de-DE: Home, Resources and the meeting side panel show no
 * English message from the tab's catalogue. What the server sends is data and is left out of the
 * comparison: people's names, a tenant's own resources and templates, and crisis-line names such as
 * "Find a Helpline (international directory)", which are names and are not translated. The entries
 * every tenant starts with (crisis lines, guides, built-in templates) reach the tab in English from
 * the server too, and the tab shows them in German: those are checked separately, by their German text. Home shows a member signed up to an open
 * round (dates, weekdays and times come from Intl), the side panel a facilitator's template picker.
 */
const MEETING = "MCMxOTptZWV0aW5nX2dlcm1hbkB0aHJlYWQudjI=";
const SURFACES: { name: string; path: string; frameContext: string; ready: string; user: string }[] = [
  { name: "Home", path: "/personal/home", frameContext: "content", ready: '[data-testid="home-tools"]', user: "mia" },
  { name: "Resources", path: "/personal/resources", frameContext: "content", ready: '[data-testid="resource-row"]', user: "mia" },
  {
    name: "the meeting side panel",
    path: "/meeting/side-panel",
    frameContext: "sidePanel",
    ready: '[data-testid="template-picker"]',
    user: "fin",
  },
];
/** Fluent UI's own English labels, which the tab must override. */
const FLUENT_ENGLISH = [{ key: "fluent", english: "clear", pattern: /^clear$/ }] as const;
/** The German the tab ships besides its catalogue: the starting resources' and built-in templates' words. */
const SHIPPED_GERMAN = [
  ...Object.values({ ...SHIPPED_CRISIS_LINES_DE, ...SHIPPED_GUIDES_DE }).flatMap((words) => Object.values(words) as string[]),
  ...Object.values(BUILT_IN_TEMPLATES_DE).flatMap((words) => [
    words.name,
    words.description,
    ...Object.values(words.steps).flatMap((step) => Object.values(step) as string[]),
  ]),
];
const probes = [...englishProbes("de", SHIPPED_GERMAN), ...FLUENT_ENGLISH];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  // An open round Mia has signed up to, so Home shows its dates, times and cadence.
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const round = await api<{ id: string }>("ada", "POST", "/api/circle-rounds", {
    name: "Q3",
    closesOn: day(7),
    startsOn: day(14),
    groupSize: { min: 4, max: 6 },
    cadence: "fortnightly",
    slots: [
      { id: "mo", weekday: "MO", localTime: "14:00", durationMinutes: 60, timeZone: "Europe/Berlin" },
      { id: "th", weekday: "TH", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" },
    ],
  });
  expect(round.status).toBe(201);
  const signUp = await api("mia", "PUT", `/api/circle-rounds/${round.body.id}/sign-up`, {
    timeZone: "Europe/Berlin",
    windows: ["mo", "th"],
  });
  expect(signUp.status).toBe(200);
});

async function api<T>(user: string, method: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await devToken(server, user)}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSurface(surface: (typeof SURFACES)[number], locale: string) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 940, height: 1000 } });
  const page = await context.newPage();
  const serverStrings = collectServerStrings(page);
  const person = DEV_USERS.find((user) => user.key === surface.user)!;
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: surface.path,
      frameContext: surface.frameContext,
      locale,
      token: await devToken(server, person.key),
      tenantId: DEV_TENANT_ID,
      userId: person.userId,
      ...(surface.frameContext === "sidePanel" ? { meetingId: MEETING } : {}),
    },
    { width: 900, height: 960 },
  );
  const frame: Frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector(surface.ready, { timeout: 15_000 });
  // Everything the page loads has arrived once no spinner is left.
  await expect.poll(() => frame.locator('[role="progressbar"]').count(), { timeout: 15_000 }).toBe(0);
  return { context, frame, serverStrings };
}

describe("the tab in German (Teams locale de-DE)", () => {
  it("has enough English messages to look for", () => {
    expect(probes.length).toBeGreaterThan(400);
  });

  it.each(SURFACES)("$name shows no English message from the catalogue", async (surface) => {
    const { context, frame, serverStrings } = await openSurface(surface, "de-DE");
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe("de");
    const lines = await readableText(frame);
    expect(lines).toContain(TAB_MESSAGES_DE.emergencyTitle);
    expect(lines.length).toBeGreaterThan(8);
    expect(englishLeft(lines, probes, serverStrings)).toEqual([]);
    await context.close();
  });

  it("the same check finds the English when Teams says en-GB", async () => {
    const { context, frame, serverStrings } = await openSurface(SURFACES[1]!, "en-GB");
    const found = englishLeft(await readableText(frame), probes, serverStrings);
    expect(found.length).toBeGreaterThan(20);
    expect(found).toEqual(
      expect.arrayContaining([expect.stringMatching(/^emergencyTitle: /), expect.stringMatching(/^resourcesSearch: /)]),
    );
    await context.close();
  });

  it("Resources shows the shipped crisis lines and guides in German, names and numbers as they are, and finds them by German words", async () => {
    const { context, frame } = await openSurface(SURFACES[1]!, "de-DE");
    const lines = frame.getByTestId("crisis-lines");
    const text = (await lines.textContent()) ?? "";
    for (const line of crisisResourcesOrDefaults([])) {
      expect(text).toContain(line.title);
      expect(text).toContain(SHIPPED_CRISIS_LINES_DE[line.id]!.description);
      expect(text).not.toContain(line.description);
    }
    expect(text).toContain("Rund um die Uhr erreichbar");
    expect(await lines.getByRole("link", { name: "0800 111 0 111 anrufen" }).getAttribute("href")).toBe("tel:08001110111");

    const titles = () => frame.$$eval('[data-testid="resource-row"] h3', (items) => items.map((item) => item.textContent ?? ""));
    expect(await titles()).toEqual(expect.arrayContaining(Object.values(SHIPPED_GUIDES_DE).map((guide) => guide.title)));
    expect(await titles()).not.toContain("Box breathing");
    await frame.getByRole("searchbox", { name: TAB_MESSAGES_DE.resourcesSearch }).fill("Atemübung");
    await expect.poll(async () => (await titles())[0]).toBe(SHIPPED_GUIDES_DE["default-box-breathing"]!.title);
    await context.close();
  });

  it("Home shows the round in German words and dates; the side panel offers and runs the built-in templates in German", async () => {
    const home = await openSurface(SURFACES[0]!, "de-DE");
    const roundCard = home.frame.getByTestId("open-round");
    await expect.poll(() => roundCard.textContent(), { timeout: 15_000 }).toContain(TAB_MESSAGES_DE.roundSignedUp);
    const text = (await roundCard.textContent()) ?? "";
    expect(text).toMatch(/Montag|Donnerstag/);
    expect(text).toContain(TAB_MESSAGES_DE.cadenceFortnightly);
    await home.context.close();

    const panel = await openSurface(SURFACES[2]!, "de-DE");
    await panel.frame.getByTestId("template-picker").click();
    const options = await panel.frame.getByRole("option").allTextContents();
    expect(options).toEqual(expect.arrayContaining(Object.values(BUILT_IN_TEMPLATES_DE).map((words) => words.name)));
    // A huddle from a built-in template: the server runs its shipped steps, which read German here.
    const morning = BUILT_IN_TEMPLATES_DE["morning-huddle"]!;
    await panel.frame.getByRole("option", { name: morning.name }).click();
    await panel.frame.getByRole("button", { name: TAB_MESSAGES_DE.huddleCreate }).click();
    await expect.poll(() => panel.frame.getByTestId("step-title").textContent(), { timeout: 15_000 }).toBe(morning.steps.pulse!.title);
    expect(await panel.frame.getByTestId("step-prompt").textContent()).toBe(morning.steps.pulse!.prompt);
    const steps = await panel.frame.getByRole("list", { name: TAB_MESSAGES_DE.huddleSteps }).getByRole("listitem").allTextContents();
    expect(steps).toEqual(Object.values(morning.steps).map((step) => step.title));
    expect(await panel.frame.locator("main").textContent()).toContain(morning.steps.pulse!.facilitatorNotes);
    expect(englishLeft(await readableText(panel.frame), probes, new Set())).toEqual([]);
    await panel.context.close();
  });
});

/** Beyond the acceptance's three surfaces: the other personal pages, each as someone who may see it. */
const OTHER_PAGES: (typeof SURFACES)[number][] = [
  { name: "My requests", path: "/personal/requests", frameContext: "content", ready: "#my-requests-title", user: "mia" },
  { name: "the queue", path: "/personal/queue", frameContext: "content", ready: "#queue-title", user: "sam" },
  { name: "Templates", path: "/personal/templates", frameContext: "content", ready: "main h1, main h2", user: "fin" },
  { name: "Programme", path: "/personal/programme", frameContext: "content", ready: "main h1, main h2", user: "ada" },
  { name: "Insights", path: "/personal/insights", frameContext: "content", ready: "main h1, main h2", user: "ada" },
  { name: "Your data", path: "/personal/my-data", frameContext: "content", ready: "main h1, main h2", user: "mia" },
  { name: "Peer supporters", path: "/personal/supporters", frameContext: "content", ready: "main h1, main h2", user: "mia" },
];

describe("the other personal pages in German", () => {
  it.each(OTHER_PAGES)("$name shows no English message from the catalogue", async (surface) => {
    const { context, frame, serverStrings } = await openSurface(surface, "de-DE");
    const lines = await readableText(frame);
    expect(lines).toContain(TAB_MESSAGES_DE.emergencyTitle);
    expect(englishLeft(lines, probes, serverStrings)).toEqual([]);
    await context.close();
  });
});

describe("the emergency block in German without the server", () => {
  it.each(SURFACES)("on $name it reads German when the API cannot be reached", async (surface) => {
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.route(/\/api\//, (route) => route.abort("connectionrefused"));
    await page.goto(`${server.url}${surface.path}`);
    await page.getByRole("alert").waitFor({ timeout: 15_000 });
    const block = page.getByTestId("emergency-block");
    expect(await block.textContent()).toContain(TAB_MESSAGES_DE.emergencyTitle);
    expect(await block.textContent()).toContain(TAB_MESSAGES_DE.emergencyBody);
    expect(await block.getByTestId("emergency-top-line").textContent()).toContain("TelefonSeelsorge");
    expect(await block.getByRole("link", { name: "0800 111 0 111 anrufen" }).getAttribute("href")).toBe("tel:08001110111");
    expect(await page.getByRole("alert").textContent()).toContain(TAB_MESSAGES_DE.errorTitle);
    // Not the browser's English "Failed to fetch".
    expect(await page.getByRole("alert").textContent()).toContain(TAB_MESSAGES_DE.errorNetwork);
    await context.close();
  });
});
