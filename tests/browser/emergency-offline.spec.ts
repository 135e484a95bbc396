import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * The emergency block never depends on the server: it is shown before any request answers,
 * when the API cannot be reached at all, and when every data request fails after start-up.
 */
const MEETING = "MCMxOTptZWV0aW5nX29mZmxpbmVAdGhyZWFkLnYy";
const SURFACES: [string, string, string][] = [
  ["Home", "/personal/home", "content"],
  ["Resources", "/personal/resources", "content"],
  ["the meeting side panel", "/meeting/side-panel", "sidePanel"],
];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectEmergencyBlock(target: Page | Frame) {
  const block = target.getByTestId("emergency-block");
  await block.waitFor({ state: "visible", timeout: 15_000 });
  expect(await block.textContent()).toContain("Need help now?");
  const top = block.getByTestId("emergency-top-line");
  expect(await top.isVisible()).toBe(true);
  // en-GB: Samaritans, straight from the shipped defaults.
  expect(await top.textContent()).toContain("Samaritans");
  expect(await block.getByRole("link", { name: "Call 116 123" }).getAttribute("href")).toBe("tel:116123");
}

async function standalone(): Promise<BrowserContext> {
  return browser.newContext({ locale: "en-GB" });
}

describe("outside Teams, with the API unreachable", () => {
  it.each(SURFACES)("on %s the emergency block and the top crisis line are shown", async (_name, path) => {
    const context = await standalone();
    const page = await context.newPage();
    const apiCalls: string[] = [];
    await page.route(/\/api\//, (route) => {
      apiCalls.push(route.request().url());
      return route.abort("connectionrefused");
    });
    await page.goto(`${server.url}${path}`);
    // The start-up fails visibly ...
    await page.getByRole("alert").waitFor({ timeout: 15_000 });
    // ... and the block is still there.
    await expectEmergencyBlock(page);
    expect(apiCalls.length).toBeGreaterThan(0);
    await context.close();
  });

  it("shows the block while requests are still pending, before any answer", async () => {
    const context = await standalone();
    const page = await context.newPage();
    // Never answered: the page must not wait on the server to show the block.
    await page.route(/\/api\//, () => new Promise<void>(() => undefined));
    await page.goto(`${server.url}/personal/home`);
    await expectEmergencyBlock(page);
    expect(await page.getByText("Loading").first().isVisible()).toBe(true);
    await context.close();
  });

  it("keeps the block when the server goes away after the page loaded", async () => {
    const offline = await startTestServer({ AUTH_MODE: "dev" });
    const context = await standalone();
    const page = await context.newPage();
    await page.goto(`${offline.url}/personal/home`);
    await page.waitForSelector('[data-testid="home-tools"]', { timeout: 15_000 });
    await offline.stop();
    // Anything the page asks for from now on fails; what is on screen stays.
    await page.route(/\/api\//, (route) => route.abort("connectionrefused"));
    await expectEmergencyBlock(page);
    await context.close();
  });
});

describe("inside Teams, with every API request failing", () => {
  it.each(SURFACES)("on %s the emergency block and the top crisis line are shown", async (_name, path, frameContext) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const user = DEV_USERS.find((candidate) => candidate.key === "mia")!;
    const token = await devToken(server, user.key);
    await page.route(/\/api\//, (route) => route.abort("connectionrefused"));
    await openFakeTeamsHost(page, server.url, {
      tabUrl: path,
      frameContext,
      locale: "en-gb",
      token,
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      ...(frameContext === "sidePanel" ? { meetingId: MEETING } : {}),
    });
    const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
    await expectEmergencyBlock(frame);
    if (path === "/personal/resources") {
      // The full list falls back to the shipped lines too.
      await frame.waitForSelector('[data-testid="crisis-line"]', { timeout: 15_000 });
      expect(await frame.locator('[data-testid="crisis-line"] span').first().textContent()).toBe("Samaritans");
    }
    await context.close();
  });
});

describe("on the stage, inside Teams, with every API request failing", () => {
  it("shows the compact emergency line: the top crisis line and one click to every line", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const user = DEV_USERS.find((candidate) => candidate.key === "mia")!;
    const token = await devToken(server, user.key);
    const apiCalls: string[] = [];
    await page.route(/\/api\//, (route) => {
      apiCalls.push(route.request().url());
      return route.abort("connectionrefused");
    });
    await openFakeTeamsHost(page, server.url, {
      tabUrl: "/meeting/stage",
      frameContext: "meetingStage",
      locale: "en-gb",
      token,
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      meetingId: MEETING,
    });
    const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
    const line = frame.getByTestId("emergency-link");
    await line.waitFor({ state: "visible", timeout: 15_000 });
    expect(await line.textContent()).toContain("Need help now?");
    expect(await line.getByTestId("emergency-top-line").textContent()).toContain("Samaritans");
    expect(await line.getByRole("link", { name: "Call 116 123" }).getAttribute("href")).toBe("tel:116123");
    expect(await line.getByRole("link", { name: "See all crisis lines" }).getAttribute("href")).toBe("/personal/resources#emergency");
    // The stage's own form replaces the full block there; it is never both, never neither.
    expect(await frame.getByTestId("emergency-block").count()).toBe(0);
    await expect.poll(() => apiCalls.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await context.close();
  });
});
