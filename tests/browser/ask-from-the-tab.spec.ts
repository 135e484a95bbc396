import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { launchChromium } from "../support/chromium.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Journeys 1 and 7 of issue 17, walked as the sample users: a member asks for help from the tab
 * (Home and My requests), the words screened as they are typed; then follows the request, reads who
 * did what, and withdraws it after a confirmation that says what that means.
 */
const CRISIS = "i have the pills in front of me and i am going to take them all";
const WORDS = "The rota change has me on nights for three weeks";
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

async function openAs(user: string, path: string, width = 1280): Promise<{ page: Page; apiCalls: string[] }> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/") && !path.startsWith("/api/dev/")) apiCalls.push(`${request.method()} ${path}`);
  });
  await page.goto(`${server.url}${path}`);
  return { page, apiCalls };
}

async function api<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await devToken(server, user)}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

type Queue = { requests: { referenceCode: string; urgency: string; status: string }[] };

describe("asking for help from the tab", () => {
  it("offers Talk to someone on Home; crisis words bring the lines at once, before anything is sent; the request is stored and queued", async () => {
    const { page, apiCalls } = await openAs("mia", "/personal/home");
    await page.getByTestId("talk-to-someone").click({ timeout: 15_000 });
    await page.getByRole("region", { name: "Talk to someone" }).waitFor();
    const dialog = page.getByTestId("talk-panel");
    // The form takes the focus, says who sees what, and leaves the emergency block on screen.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("talk-title");
    expect(await dialog.textContent()).toContain("only the peer supporter who takes your request sees what you write");
    expect(await page.getByTestId("emergency-block").isVisible()).toBe(true);

    const before = apiCalls.length;
    await dialog.getByTestId("talk-text").pressSequentially(CRISIS, { delay: 5 });
    const notice = dialog.getByTestId("talk-crisis-notice");
    await notice.waitFor({ state: "visible", timeout: 5_000 });
    expect(await notice.getAttribute("role")).toBe("alert");
    expect(await notice.textContent()).toContain("Nothing has been sent yet");
    expect(await notice.getByRole("link", { name: "Call 116 123" }).getAttribute("href")).toBe("tel:116123");
    expect(apiCalls.slice(before)).toEqual([]);

    await dialog.getByTestId("talk-text").fill(WORDS);
    await notice.waitFor({ state: "detached", timeout: 5_000 });
    // Nothing chosen yet: the form says so on the fields and sends nothing.
    await dialog.getByTestId("talk-submit").click();
    await expect.poll(() => dialog.getByText("Please choose one.").count()).toBe(2);
    expect(apiCalls.filter((call) => call === "POST /api/requests")).toEqual([]);

    await dialog.getByRole("radio", { name: "Workload" }).check();
    await dialog.getByRole("radio", { name: "Today" }).check();
    await dialog.getByTestId("talk-submit").click();
    const saved = dialog.getByTestId("talk-saved");
    await saved.waitFor({ timeout: 15_000 });
    expect(await page.getByRole("region", { name: "Your request is saved" }).count()).toBe(1);
    const code = /PC-[2-9A-HJKMNP-Z]{6}/.exec((await saved.textContent()) ?? "")?.[0];
    expect(code).toBeDefined();
    expect(await saved.textContent()).toContain("Open a chat with the bot once");
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("talk-to-someone").waitFor();

    // The same request the bot's form would have made: in Mia's list, and in the queue without its words.
    const mine = await api<Queue>("mia", "GET", "/api/requests/mine");
    expect(mine.requests.map((request) => request.referenceCode)).toEqual([code]);
    const queue = await api<Queue>("sam", "GET", "/api/requests/queue");
    expect(queue.requests.find((request) => request.referenceCode === code)).toMatchObject({ urgency: "today", status: "open" });
    expect(JSON.stringify(queue)).not.toContain(WORDS);
    await page.context().close();
  });

  it("treats a request sent with crisis words as a crisis, and shows the lines again with the confirmation", async () => {
    const { page } = await openAs("max", "/personal/requests");
    await page.getByTestId("talk-to-someone").click({ timeout: 15_000 });
    const dialog = page.getByTestId("talk-panel");
    await dialog.getByRole("radio", { name: "Something happened" }).check();
    await dialog.getByRole("radio", { name: "It can wait a few days" }).check();
    await dialog.getByTestId("talk-text").fill(CRISIS);
    await dialog.getByTestId("talk-submit").click();
    await dialog.getByTestId("talk-saved").waitFor({ timeout: 15_000 });
    expect(await dialog.getByRole("alert").textContent()).toContain("It is marked urgent");
    await dialog.getByRole("button", { name: "Done" }).click();
    // My requests lists it at once.
    await page.locator("tr[data-code]").first().waitFor({ timeout: 15_000 });
    const queue = await api<Queue>("sam", "GET", "/api/requests/queue");
    expect(queue.requests.filter((request) => request.urgency === "crisis")).toHaveLength(1);
    await page.context().close();
  });

  it("keeps what was typed and says it was not sent when the server cannot store it", async () => {
    const { page } = await openAs("fin", "/personal/requests");
    await page.route("**/api/requests", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: 503, contentType: "application/json", body: '{"code":"store_unavailable","message":"busy"}' })
        : route.continue(),
    );
    // The empty state says what to do here, not which command to type to the bot.
    const empty = page.getByTestId("my-requests-empty");
    await empty.waitFor({ timeout: 15_000 });
    expect(await empty.textContent()).toContain("Talk to someone");
    expect(await empty.textContent()).not.toContain("type");
    await page.getByTestId("talk-to-someone").click();
    const dialog = page.getByTestId("talk-panel");
    await dialog.getByRole("radio", { name: "Conflict" }).check();
    await dialog.getByRole("radio", { name: "Soon" }).check();
    await dialog.getByTestId("talk-text").fill(WORDS);
    await dialog.getByTestId("talk-submit").click();
    await dialog.getByTestId("talk-error").waitFor({ timeout: 15_000 });
    expect(await dialog.getByTestId("talk-error").textContent()).toContain("has NOT been sent");
    expect(await dialog.getByTestId("talk-text").inputValue()).toBe(WORDS);
    await page.context().close();
  });
});

describe("following one's own request", () => {
  let code = "";
  beforeAll(async () => {
    const request = await new RequestService(server.store).submit(
      { tenantId: DEV_TENANT_ID, userId: userOf("sky").userId },
      { category: "wellbeing", urgency: "soon", preference: "any", contact: "chat", text: "Hard week", shareName: false },
      { level: "none", reasons: [] },
    );
    code = request.referenceCode;
  });

  it("asks before withdrawing, says so when a supporter has it, and shows a failure instead of swallowing it", async () => {
    // Sam takes it and opens it: Sky's timeline says so in words, without saying who.
    await api("sam", "POST", `/api/requests/${code}/actions`, { action: "claim" });
    await api("sam", "GET", `/api/requests/${code}`);
    const { page } = await openAs("sky", "/personal/requests");
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole("button", { name: `Details ${code}` }).click();
    const timeline = page.getByTestId("request-timeline");
    await expect.poll(() => timeline.textContent(), { timeout: 15_000 }).toContain("A peer supporter opened it");
    const words = (await timeline.textContent()) ?? "";
    expect(words).toContain("You asked for support");
    expect(words).toContain("A peer supporter took it");
    expect(words).not.toContain("Sam");
    expect(await page.getByTestId("message-box").count()).toBe(1);

    // Keep it: nothing changes.
    await row.getByRole("button", { name: `Withdraw ${code}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Withdraw ${code}?` });
    expect(await confirm.textContent()).toContain("A peer supporter has already taken this request");
    expect(await confirm.getByRole("button", { name: "Withdraw request" }).evaluate((button) => button === document.activeElement)).toBe(
      true,
    );
    await confirm.getByRole("button", { name: "Keep it" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await row.textContent()).toContain("Taken by a supporter");

    // A failure is said, and the request stays as it was.
    await page.route(`**/api/requests/${code}/actions`, (route) =>
      route.fulfill({ status: 503, contentType: "application/json", body: '{"code":"store_unavailable","message":"busy"}' }),
    );
    await row.getByRole("button", { name: `Withdraw ${code}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Withdraw request" }).click();
    await expect.poll(() => page.getByTestId("my-requests-notice").textContent(), { timeout: 15_000 }).toContain("could not be withdrawn");
    expect(await row.textContent()).toContain("Taken by a supporter");
    await page.unroute(`**/api/requests/${code}/actions`);

    // Withdrawn for real: the list, the timeline and the reply box follow.
    await row.getByRole("button", { name: `Withdraw ${code}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Withdraw request" }).click();
    await expect.poll(() => page.getByTestId("my-requests-notice").textContent(), { timeout: 15_000 }).toContain(`${code} is withdrawn`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Withdrawn");
    await expect.poll(() => timeline.textContent(), { timeout: 15_000 }).toContain("You withdrew it");
    await page.getByTestId("request-closed").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("message-box").count()).toBe(0);
    expect(await row.getByRole("button", { name: `Withdraw ${code}` }).count()).toBe(0);
    await page.context().close();
  });
});

describe("on a phone", () => {
  beforeAll(async () => {
    await new RequestService(server.store).submit(
      { tenantId: DEV_TENANT_ID, userId: userOf("ada").userId },
      { category: "other", urgency: "can_wait", preference: "any", contact: "meet", shareName: true },
      { level: "none", reasons: [] },
    );
  });

  it.each([375, 320])("the form and My requests fit %i px without scrolling sideways", async (width) => {
    const { page } = await openAs("ada", "/personal/requests", width);
    await page.getByTestId("my-request-card").first().waitFor({ timeout: 15_000 });
    await page.getByTestId("talk-to-someone").click();
    const submit = page.getByTestId("talk-submit");
    await submit.scrollIntoViewIfNeeded();
    const box = (await submit.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.context().close();
  });
});
