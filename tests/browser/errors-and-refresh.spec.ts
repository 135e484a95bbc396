import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Issue 17's error boundary on every route, and journey 7's remainder: what people read when
 * something fails is the tab's own words (never "Failed to fetch"), a busy store is not a broken
 * connection, /config outside Teams explains itself, My requests is cards on a phone, and a queue
 * whose background refresh fails keeps its list.
 */
let server: TestServer;
let browser: Browser;
let code = "";
const userOf = (key: string) => DEV_USERS.find((user) => user.key === key)!;
const CONNECTION = /check your connection/i;
const BROWSER_WORDS = /failed to fetch|networkerror|dynamically imported|cannot read properties|undefined/i;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  code = (
    await new RequestService(server.store).submit(
      { tenantId: DEV_TENANT_ID, userId: userOf("mia").userId },
      { category: "workload", urgency: "soon", preference: "any", contact: "chat", shareName: false },
      { level: "none", reasons: [] },
    )
  ).referenceCode;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openAs(user: string, path: string, options: BrowserContextOptions = {}, before?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  await before?.(page);
  await page.goto(`${server.url}${path}`);
  return page;
}

const busy = { status: 503, contentType: "application/json", body: '{"code":"store_unavailable","message":"Storage is not reachable"}' };
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole("alert").filter({ hasText: "Something went wrong" });
  await alert.waitFor({ timeout: 15_000 });
  expect(await page.getByTestId("emergency-block").isVisible()).toBe(true);
  return (await alert.textContent()) ?? "";
}

describe("the error boundary on every route", () => {
  it("explains /config outside Teams instead of a blank page, and it fits 320 px", async () => {
    const page = await openAs("fin", "/config", { viewport: { width: 320, height: 800 } });
    const explained = page.getByTestId("config-outside-teams");
    await explained.waitFor({ timeout: 15_000 });
    expect(await explained.textContent()).toContain("works only inside Teams");
    expect(await page.getByRole("heading", { name: "Add Peer Circles" }).count()).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it("says a busy store is busy, not that the connection failed", async () => {
    const page = await openAs("mia", "/personal/requests", {}, (opened) =>
      opened.route(/\/api\/requests\/mine/, (route) => route.fulfill(busy)),
    );
    const said = await alertText(page);
    expect(said).toContain("busy just now");
    expect(said).not.toMatch(CONNECTION);
    await page.context().close();
  });

  it("puts a request that never arrived in the tab's words, not the browser's", async () => {
    const page = await openAs("mia", "/personal/home", {}, (opened) =>
      opened.route(/\/api\/me$/, (route) => route.abort("connectionrefused")),
    );
    const said = await alertText(page);
    expect(said).toContain("could not reach its server");
    expect(said).not.toMatch(BROWSER_WORDS);
    await page.context().close();
  });

  it("keeps the shell and the emergency block when a page's code cannot load", async () => {
    const page = await openAs("sam", "/personal/queue", {}, (opened) =>
      opened.route(/\/assets\/queue-page-[^/]*\.js$/, (route) => route.abort("connectionrefused")),
    );
    const said = await alertText(page);
    expect(said).toContain("could not reach its server");
    expect(said).not.toMatch(BROWSER_WORDS);
    await page.context().close();
  });

  it("catches a page that breaks while rendering, in plain words", async () => {
    // An answer without the fields Home reads makes it throw a TypeError as it renders.
    const page = await openAs("mia", "/personal/home", {}, (opened) =>
      opened.route(/\/api\/me$/, (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{}" })),
    );
    const said = await alertText(page);
    expect(said).toContain("Something unexpected happened");
    expect(said).not.toMatch(BROWSER_WORDS);
    await page.context().close();
  });
});

describe("My requests on a phone", () => {
  it.each([375, 320])("shows one card per request at %i px, its buttons on screen", async (width) => {
    const page = await openAs("mia", "/personal/requests", { viewport: { width, height: 800 } });
    const card = page.locator(`[data-testid="my-request-card"][data-code="${code}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await page.locator("table").count()).toBe(0);
    expect(await card.textContent()).toContain("Waiting for a supporter");
    for (const name of [`Details ${code}`, `Withdraw ${code}`]) {
      const box = (await card.getByRole("button", { name }).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await card.getByRole("button", { name: `Details ${code}` }).click();
    await page.locator('[data-testid="request-timeline"] li').first().waitFor({ timeout: 15_000 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it("keeps the table where there is room", async () => {
    const page = await openAs("mia", "/personal/requests");
    await page.locator(`tr[data-code="${code}"]`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("my-request-card").count()).toBe(0);
    await page.context().close();
  });
});

describe("the queue when a background refresh fails", () => {
  it("keeps the list, says so without blocking, and clears the notice once a refresh works", async () => {
    const page = await openAs("sam", "/personal/queue");
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    await page.route(/\/api\/requests\/queue/, (route) => route.fulfill(busy));
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    const notice = page.getByTestId("queue-refresh-failed");
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain("could not be refreshed");
    expect(await notice.textContent()).not.toMatch(CONNECTION);
    expect(await row.isVisible()).toBe(true);
    expect(await page.getByRole("alert").filter({ hasText: "Something went wrong" }).count()).toBe(0);
    await page.unroute(/\/api\/requests\/queue/);
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await notice.waitFor({ state: "detached", timeout: 15_000 });
    expect(await row.isVisible()).toBe(true);
    await page.context().close();
  });

  for (const theme of ["default", "dark", "contrast"])
    it(`the notice and the phone cards have no axe violations in the ${theme} theme`, async () => {
      for (const [user, path, ready] of [
        ["mia", "/personal/requests", '[data-testid="my-request-card"]'],
        ["sam", "/personal/queue", '[data-testid="queue-refresh-failed"]'],
      ] as const) {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        await openFakeTeamsHost(
          page,
          server.url,
          {
            tabUrl: path,
            frameContext: "content",
            theme,
            token: await devToken(server, user),
            tenantId: DEV_TENANT_ID,
            userId: userOf(user).userId,
          },
          { width: 420, height: 900 },
        );
        const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
        if (path === "/personal/queue") {
          await frame.waitForSelector('[data-testid="queue-card"]', { timeout: 15_000 });
          await page.route(/\/api\/requests\/queue/, (route) => route.fulfill(busy));
          await frame.evaluate(() => window.dispatchEvent(new Event("focus")));
        }
        await frame.waitForSelector(`[data-theme="${theme}"] ${ready}`, { timeout: 15_000 });
        expect(await axeViolations(frame), `${user} ${path}`).toEqual([]);
        await context.close();
      }
    });
});
