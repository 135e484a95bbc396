import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { TAB_MESSAGES_EN } from "../../tab/src/i18n/messages.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * The built side panel paints its shell (heading, loading state, emergency block) before teams-js's
 * `app.initialize()` resolves: a Teams client that takes a second to answer must not leave the
 * panel blank. Times are recorded by the pages themselves (epoch milliseconds), so how quickly
 * the test notices does not matter.
 */
const MEETING = "MCMxOTptZWV0aW5nX3NoZWxsQHRocmVhZC52Mg==";
const SHELL = { heading: "#side-panel-title", emergency: '[data-testid="emergency-block"] [data-testid="emergency-top-line"]' };

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

/** In the tab's frame: when each part of the shell was first in the document. */
function recordShell(): string {
  return `(() => {
    if (window === window.top) return;
    const selectors = ${JSON.stringify(SHELL)};
    const seen = (window.shellSeenAt = {});
    const check = () => {
      for (const [name, selector] of Object.entries(selectors))
        if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.timeOrigin + performance.now();
      if (Object.keys(seen).length < Object.keys(selectors).length) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

async function openSlowHost(page: Page, userKey: string, initializeDelayMs: number) {
  const user = DEV_USERS.find((candidate) => candidate.key === userKey)!;
  await page.addInitScript(recordShell());
  await openFakeTeamsHost(page, server.url, {
    tabUrl: "/meeting/side-panel",
    frameContext: "sidePanel",
    locale: "en-gb",
    token: await devToken(server, userKey),
    tenantId: DEV_TENANT_ID,
    userId: user.userId,
    meetingId: MEETING,
    initializeDelayMs,
  });
  return (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
}

describe("the side panel with a slow Teams client", () => {
  it("answering initialize after 1 s: heading and emergency block first, then the huddle", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const frame = await openSlowHost(page, "fin", 1000);

    // The facilitator's empty panel offers a template: the start-up went on once Teams answered.
    await frame.waitForSelector('[data-testid="template-picker"]', { timeout: 20_000 });
    const seen = await frame.evaluate(() => (window as unknown as { shellSeenAt: Record<string, number> }).shellSeenAt);
    const host = await page.evaluate(
      () => (window as unknown as { hostState: { calls: string[]; initializeAnsweredAt?: number } }).hostState,
    );
    expect(host.calls[0]).toBe("initialize");
    expect(host.initializeAnsweredAt).toBeGreaterThan(0);
    expect(Object.keys(seen).sort()).toEqual(Object.keys(SHELL).sort());
    for (const shownAt of Object.values(seen)) expect(shownAt).toBeLessThan(host.initializeAnsweredAt!);
    expect(await frame.textContent(SHELL.heading)).toBe(TAB_MESSAGES_EN.sidePanelTitle);
    await context.close();
  });

  it("keeps the shell on screen while Teams has not answered, in the browser's language", async () => {
    // Before Teams says its locale, the browser's picks the words and the crisis line.
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    // Longer than the test looks: the tab cannot have started its session.
    const frame = await openSlowHost(page, "mia", 60_000);
    await frame.waitForSelector(SHELL.heading, { timeout: 20_000 });
    expect(await frame.getByTestId("emergency-top-line").textContent()).toContain("Samaritans");
    expect(await frame.getByRole("progressbar").count()).toBeGreaterThan(0);
    const host = await page.evaluate(
      () => (window as unknown as { hostState: { calls: string[]; initializeAnsweredAt?: number } }).hostState,
    );
    expect(host.calls).toContain("initialize");
    expect(host.initializeAnsweredAt).toBeUndefined();
    await context.close();
  });
});
