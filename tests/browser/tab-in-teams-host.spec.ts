import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let browser: Browser;
let token: string;
const mia = DEV_USERS.find((user) => user.key === "mia")!;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev", TAB_DIST_DIR: "tab/dist" });
  token = await devToken(server, "mia");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Opens the fake host on the server's own origin (served by the browser, not by the app) with the
 * tab in an iframe, so teams-js accepts the host's replies exactly as it would from Teams.
 */
async function openInHost(
  frameContext: string,
  tabPath: string,
  where: { meetingId?: string; teamGroupId?: string } = {},
): Promise<{ page: Page; tab: Frame; apiAuthorizations: string[] }> {
  const page = await browser.newPage();
  const apiAuthorizations: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/me")) apiAuthorizations.push(request.headers().authorization ?? "");
  });
  await openFakeTeamsHost(page, server.url, {
    tabUrl: tabPath,
    frameContext,
    token,
    tenantId: DEV_TENANT_ID,
    userId: mia.userId,
    theme: "default",
    ...where,
  });
  const frameHandle = await page.waitForSelector("iframe#tab");
  const tab = (await frameHandle.contentFrame())!;
  return { page, tab, apiAuthorizations };
}

const hostState = (page: Page) =>
  page.evaluate(() => (window as unknown as { hostState: { calls: string[]; notifiedSuccess: boolean; tokenRequests: number } }).hostState);

describe("the tab inside a Teams host (teams-js protocol)", () => {
  it("loads in the content context, signals success and sends its SSO token to the API", async () => {
    const { page, tab, apiAuthorizations } = await openInHost("content", "/personal/home");
    await tab.waitForSelector('[data-frame-context="content"]', { timeout: 15_000 });
    // The greeting names the person the SSO token says signed in.
    await tab.waitForSelector('[data-testid="home-greeting"]', { timeout: 15_000 });
    expect(await tab.textContent('[data-testid="home-greeting"]')).toBe(`Hello, ${mia.displayName.split(" ")[0]}`);
    const state = await hostState(page);
    expect(state.calls).toEqual(
      expect.arrayContaining(["initialize", "getContext", "authentication.getAuthToken", "appInitialization.success"]),
    );
    expect(state.notifiedSuccess).toBe(true);
    expect(apiAuthorizations).toContain(`Bearer ${token}`);
    // Development identity is announced inside a host too, but switching user is for the browser only.
    expect(await tab.isVisible('[data-testid="dev-identity-banner"]')).toBe(true);
    expect(await tab.$('[data-testid="dev-identity-banner"] [role="combobox"]')).toBeNull();
    await page.close();
  });

  it("loads in the meeting side panel context and shows the side panel view", async () => {
    const { page, tab } = await openInHost("sidePanel", "/meeting/side-panel");
    await tab.waitForSelector('[data-frame-context="sidePanel"]', { timeout: 15_000 });
    await tab.waitForSelector("#side-panel-title");
    expect((await hostState(page)).notifiedSuccess).toBe(true);
    await page.close();
  });

  it("follows the Teams theme to dark and to high contrast", async () => {
    const { page, tab } = await openInHost("content", "/personal/home");
    await tab.waitForSelector('[data-theme="default"]', { timeout: 15_000 });
    const background = () => tab.$eval("[data-theme]", (element) => getComputedStyle(element).backgroundColor);
    const light = await background();
    // The tab registers its theme handler just after first render; on a loaded machine a change sent
    // in that gap is lost, as a real host's would be, so the host says it again until the tab follows.
    const switchTo = async (theme: string) => {
      await expect
        .poll(
          async () => {
            await page.evaluate((name) => (window as unknown as { setTheme(theme: string): void }).setTheme(name), theme);
            return tab.$(`[data-theme="${theme}"]`).then((found) => found !== null);
          },
          { timeout: 15_000, interval: 250 },
        )
        .toBe(true);
    };
    await switchTo("dark");
    const dark = await background();
    await switchTo("contrast");
    const contrast = await background();
    expect(new Set([light, dark, contrast]).size).toBe(3);
    await page.close();
  });

  it("shows an error with a retry when the host cannot give a token", async () => {
    const page = await browser.newPage();
    await openFakeTeamsHost(page, server.url, {
      tabUrl: "/personal/home",
      frameContext: "content",
      token: "",
      tenantId: DEV_TENANT_ID,
      userId: mia.userId,
    });
    const tab = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
    await tab.waitForSelector('[role="alert"]', { timeout: 15_000 });
    expect(await tab.isVisible('[role="alert"] button')).toBe(true);
    await page.close();
  });
});

describe("the configurable tab's settings page", () => {
  it("in a meeting, enables Save only once a template is picked, and saves a content URL carrying it", async () => {
    const { page, tab } = await openInHost("settings", "/config", { meetingId: "MCMxOTptZWV0aW5nX2NvbmZpZ0B0aHJlYWQudjI=" });
    await tab.waitForSelector('[data-testid="template-picker"]', { timeout: 15_000 });
    const validity = async () =>
      page.evaluate(() =>
        (window as unknown as { hostState: { messages: { func: string; args: unknown[] }[] } }).hostState.messages
          .filter((message) => message.func === "settings.setValidityState")
          .map((message) => message.args[0]),
      );
    // Save stays off until a template is picked (however often the page reports it).
    await expect.poll(async () => (await validity()).length).toBeGreaterThan(0);
    expect(await validity()).not.toContain(true);
    await tab.click('[data-testid="template-picker"]');
    await tab.getByRole("option", { name: "Debrief after a high-stakes event" }).click();
    await expect.poll(async () => (await validity()).at(-1)).toBe(true);
    await page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
    await expect
      .poll(async () =>
        page.evaluate(() => JSON.stringify((window as unknown as { hostState: { messages: unknown[] } }).hostState.messages)),
      )
      .toMatch(/template=debrief/);
    await page.close();
  });

  it("in a team channel, offers the team's circles and saves at once", async () => {
    const { page, tab } = await openInHost("settings", "/config", { teamGroupId: "0f3c9a2e-1b7d-4c55-9e0a-6d2b8f4a1c33" });
    await tab.waitForSelector('[data-testid="config-team-circles"]', { timeout: 15_000 });
    await expect
      .poll(async () =>
        page.evaluate(() =>
          (window as unknown as { hostState: { messages: { func: string; args: unknown[] }[] } }).hostState.messages
            .filter((message) => message.func === "settings.setValidityState")
            .map((message) => message.args[0])
            .at(-1),
        ),
      )
      .toBe(true);
    await page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
    await expect
      .poll(async () =>
        page.evaluate(() => JSON.stringify((window as unknown as { hostState: { messages: unknown[] } }).hostState.messages)),
      )
      .toMatch(/team\/circles/);
    await page.close();
  });
});

describe("the tab outside Teams in development identity mode", () => {
  it("shows the development identity banner and signs in as a sample user", async () => {
    const page = await browser.newPage();
    await page.route(/res\.cdn\.office\.net/, (route) => route.abort());
    await page.goto(`${server.url}/personal/home`);
    await page.waitForSelector('[data-testid="dev-identity-banner"]', { timeout: 15_000 });
    // The first sample user, Ada, until another is chosen.
    await page.waitForSelector('[data-testid="home-greeting"]', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="home-greeting"]')).toBe("Hello, Ada");
    expect(await page.$('[data-testid="dev-identity-banner"] [role="combobox"]')).not.toBeNull();
    expect(await page.isVisible('aside[aria-label="Need help now?"]')).toBe(true);
    await page.close();
  });
});
