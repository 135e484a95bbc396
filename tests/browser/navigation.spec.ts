import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Issue 17's navigation, walked as the sample users: members see three tabs and the tools every
 * member has; supporters, facilitators and admins see theirs too, from Home, and never a page that
 * says it is not for them. The tools follow the roles the server holds, not anything in the page.
 */
let server: TestServer;
let browser: Browser;
const userOf = (key: string) => DEV_USERS.find((user) => user.key === key)!;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openAs(user: string, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  await page.goto(`${server.url}${path}`);
  return page;
}

const toolsOn = async (page: Page) => {
  await page.getByTestId("home-tools").waitFor({ timeout: 15_000 });
  return page
    .getByTestId("home-tools")
    .locator("li")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")));
};

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function grant(user: string, roles: string[]): Promise<void> {
  const response = await fetch(`${server.url}/api/admin/roles/${userOf(user).userId}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${await devToken(server, "ada")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ roles }),
  });
  expect(response.status).toBe(200);
}

describe("a member's tab", () => {
  it("has three tabs, the member's tools on Home, and none of the dashboard's old clutter", async () => {
    const page = await openAs("mia", "/personal/home");
    expect(await toolsOn(page)).toEqual(["tool-supporters", "tool-myData"]);
    const tabs = page.getByTestId("page-tabs").getByRole("link");
    expect(await tabs.allTextContents()).toEqual(["Home", "Resources", "My requests"]);
    expect(await page.getByTestId("page-tabs").locator('[aria-current="page"]').textContent()).toBe("Home");
    expect(await page.getByTestId("home-greeting").textContent()).toBe("Hello, Mia");
    const body = (await page.textContent("main")) ?? "";
    expect(body).not.toMatch(/Signed in as|Updated \d/);
    expect(await page.getByRole("list", { name: "Your roles" }).count()).toBe(0);
    await page.context().close();
  });

  it("reaches My data from Home in one click, and comes back", async () => {
    const page = await openAs("mia", "/personal/home");
    await page.getByTestId("tool-myData").getByRole("link", { name: "My data" }).click({ timeout: 15_000 });
    await page.waitForURL(/\/personal\/my-data$/);
    await page.getByRole("heading", { name: "Your data" }).waitFor({ timeout: 15_000 });
    await page.getByTestId("back-home").click();
    await page.waitForURL(/\/personal\/home$/);
    await page.getByTestId("home-tools").waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it("follows the roles the server holds: a granted role brings its tool, a revoked one takes it away", async () => {
    await grant("max", ["supporter"]);
    const page = await openAs("max", "/personal/home");
    expect(await toolsOn(page)).toContain("tool-queue");
    await grant("max", []);
    await page.reload();
    expect(await toolsOn(page)).not.toContain("tool-queue");
    await page.context().close();
  });
});

describe("role-aware tools", () => {
  it.each([
    ["sam", ["tool-queue", "tool-supporters", "tool-myData"]],
    ["fin", ["tool-templates", "tool-supporters", "tool-myData"]],
    ["sky", ["tool-queue", "tool-templates", "tool-supporters", "tool-myData"]],
    ["ada", ["tool-programme", "tool-insights", "tool-templates", "tool-supporters", "tool-myData"]],
  ])("%s sees exactly their tools on Home", async (user, expected) => {
    const page = await openAs(user, "/personal/home");
    expect(await toolsOn(page)).toEqual(expected);
    await page.context().close();
  });

  // The page's own content, and the refusal it would show someone without the role.
  it.each([
    ["sam", "tool-queue", "Open requests", '[data-testid="caseload"]', "queue-not-supporter"],
    ["fin", "tool-templates", "Huddle templates", '[data-testid="template-row"] >> nth=0', ""],
    ["ada", "tool-programme", "Programme", '[data-testid="insights-link"]', "programme-admins-only"],
    ["ada", "tool-insights", "Programme insights", "#insights-title", "insights-admins-only"],
  ])("%s opens %s from Home and lands on the page itself, not a refusal", async (user, tool, heading, content, refusal) => {
    const page = await openAs(user, "/personal/home");
    await page.getByTestId(tool).getByRole("link").click({ timeout: 15_000 });
    await page.getByRole("heading", { name: heading, exact: true }).first().waitFor({ timeout: 15_000 });
    await page.locator(content).waitFor({ timeout: 15_000 });
    await page.getByTestId("back-home").waitFor();
    if (refusal) expect(await page.getByTestId(refusal).count()).toBe(0);
    if (tool === "tool-templates") expect(await page.getByRole("button", { name: "New template", exact: true }).count()).toBe(1);
    await page.context().close();
  });
});

describe("inside Teams", () => {
  it("leaves the tabs to Teams, and a tool page still leads back to Home", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sam = userOf("sam");
    await openFakeTeamsHost(page, server.url, {
      tabUrl: "/personal/home",
      frameContext: "content",
      token: await devToken(server, "sam"),
      tenantId: DEV_TENANT_ID,
      userId: sam.userId,
    });
    const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
    await frame.getByTestId("tool-queue").waitFor({ timeout: 15_000 });
    expect(await frame.getByTestId("page-tabs").count()).toBe(0);
    await frame.getByTestId("tool-queue").getByRole("link").click();
    await frame.getByTestId("back-home").waitFor({ timeout: 15_000 });
    await frame.getByRole("heading", { name: "Open requests" }).waitFor({ timeout: 15_000 });
    await context.close();
  });
});

describe("narrow screens and accessibility", () => {
  it.each([320, 375])("Home with every tool and My data fit %i px without scrolling sideways", async (width) => {
    const page = await openAs("ada", "/personal/home", { viewport: { width, height: 800 } });
    await page.getByTestId("home-tools").waitFor({ timeout: 15_000 });
    await page.getByTestId("my-circles-empty").waitFor({ timeout: 15_000 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.goto(`${server.url}/personal/my-data`);
    await page.getByTestId("back-home").waitFor({ timeout: 15_000 });
    await page.getByRole("heading", { name: "Your data" }).waitFor({ timeout: 15_000 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  for (const theme of ["default", "dark", "contrast"])
    it(`Home's tools (admin and member) and a tool page have no axe violations in the ${theme} theme`, async () => {
      for (const [user, path, ready] of [
        ["ada", "/personal/home", '[data-testid="tool-insights"]'],
        ["mia", "/personal/home", '[data-testid="tool-myData"]'],
        ["sam", "/personal/queue", '[data-testid="back-home"] ~ section [data-testid="caseload"]'],
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
        await frame.waitForSelector(`[data-theme="${theme}"] ${ready}`, { timeout: 15_000 });
        expect(await axeViolations(frame), `${user} ${path}`).toEqual([]);
        await context.close();
      }
    });
});
