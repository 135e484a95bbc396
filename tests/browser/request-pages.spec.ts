import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { REQUESTER_PAGE_SIZE } from "../../bot/src/requests/request-lists.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { launchChromium } from "../support/chromium.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let browser: Browser;
let code = "";
const SECRET = "The reorg has me working every weekend";

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  const mia = DEV_USERS.find((user) => user.key === "mia")!;
  const request = await new RequestService(server.store).submit(
    { tenantId: DEV_TENANT_ID, userId: mia.userId },
    { category: "workload", urgency: "today", preference: "any", contact: "chat", text: SECRET, shareName: false },
    { level: "none", reasons: [] },
  );
  code = request.referenceCode;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The tab outside Teams, signed in as one of the development sample users. */
async function openAs(user: string, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  await page.goto(`${server.url}${path}`);
  return page;
}

describe("requests in the tab", () => {
  it("shows a member their own request and its timeline", async () => {
    const page = await openAs("mia", "/personal/requests");
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain("Waiting for a supporter");
    await row.getByRole("button", { name: "Details" }).click();
    await page.locator('[data-testid="request-timeline"] li').first().waitFor();
    expect(await page.textContent('[data-testid="request-timeline"]')).toContain("You asked for support");
    await page.close();
  });

  it("shows another member an empty state, not someone else's request", async () => {
    const page = await openAs("max", "/personal/requests");
    await page.waitForSelector('[data-testid="my-requests-empty"]', { timeout: 15_000 });
    expect(await page.content()).not.toContain(code);
    await page.close();
  });

  it("tells a member the queue is for supporters", async () => {
    const page = await openAs("max", "/personal/queue");
    await page.waitForSelector('[data-testid="queue-not-supporter"]', { timeout: 15_000 });
    await page.close();
  });

  it("lets a supporter see the queue without content, claim, and only then read the request", async () => {
    const page = await openAs("sam", "/personal/queue");
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain(SECRET);
    expect(await row.textContent()).toContain("Today");
    // Who on the roster the bot cannot notify is for admins to sort out, not a supporter's worry.
    expect(await page.getByTestId("caseload").textContent()).toContain("0 of up to");
    expect(await page.getByTestId("unreachable-supporters").count()).toBe(0);
    await row.getByRole("button", { name: "Claim" }).click();
    await page.waitForSelector('[data-testid="claimed-request"]', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="claimed-request"]')).toContain(SECRET);
    // It stays in the queue as taken, with its content only behind "Open" for the claimer.
    await expect
      .poll(async () => page.locator(`tr[data-code="${code}"]`).textContent(), { timeout: 15_000 })
      .toContain("Taken by a supporter");
    expect(await page.locator(`tr[data-code="${code}"]`).getByRole("button", { name: "Open" }).count()).toBe(1);
    await page.close();
  });
});

describe("writing to the supporter from the tab", () => {
  it("keeps the words in the box when the message cannot be delivered", async () => {
    const page = await openAs("mia", "/personal/requests");
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole("button", { name: "Details" }).click();
    const box = page.locator('[data-testid="message-box"]');
    await box.waitFor({ timeout: 15_000 });
    await box.fill("Is Thursday good for you?");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("could not be sent just now").waitFor({ timeout: 15_000 });
    expect(await box.inputValue()).toBe("Is Thursday good for you?");
    await page.close();
  });
});

describe("the claimer closes the request from the queue", () => {
  it("marks it resolved, after which it leaves the queue and the requester sees it resolved", async () => {
    const page = await openAs("sam", "/personal/queue");
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole("button", { name: "Open" }).click();
    await page.getByTestId("claimed-request").getByRole("button", { name: "Mark resolved" }).click();
    await row.waitFor({ state: "detached", timeout: 15_000 });
    await page.getByTestId("claimed-request").waitFor({ state: "detached", timeout: 15_000 });
    await page.close();
    const requester = await openAs("mia", "/personal/requests");
    await requester.locator(`tr[data-code="${code}"]`).waitFor({ timeout: 15_000 });
    expect(await requester.locator(`tr[data-code="${code}"]`).textContent()).toContain("Resolved");
    await requester.close();
  });
});

describe("a long list of one's own requests", () => {
  it("shows the first page and the rest behind Show more, each request once", async () => {
    const fin = DEV_USERS.find((user) => user.key === "fin")!;
    const service = new RequestService(server.store);
    const total = REQUESTER_PAGE_SIZE + 5;
    for (let index = 0; index < total; index++)
      await service.submit(
        { tenantId: DEV_TENANT_ID, userId: fin.userId },
        { category: "other", urgency: "can_wait", preference: "any", contact: "chat", shareName: false },
        { level: "none", reasons: [] },
      );
    const page = await openAs("fin", "/personal/requests");
    const rows = page.locator("tr[data-code]");
    await page.getByTestId("show-more").waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(REQUESTER_PAGE_SIZE);
    await page.getByTestId("show-more").click();
    await page.getByTestId("show-more").waitFor({ state: "detached", timeout: 15_000 });
    const codes = await rows.evaluateAll((found) => found.map((row) => row.getAttribute("data-code")));
    expect(new Set(codes).size).toBe(total);
    await page.close();
  });
});
