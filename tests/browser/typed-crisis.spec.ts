import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { launchChromium } from "../support/chromium.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

/** Crisis words typed in the tab bring up the emergency content in the same view, before anything is sent. */
const CRISIS = "i have the pills in front of me and i am going to take them all";
let server: TestServer;
let browser: Browser;
let code = "";

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  const requests = new RequestService(server.store);
  const mia = DEV_USERS.find((user) => user.key === "mia")!;
  const sam = DEV_USERS.find((user) => user.key === "sam")!;
  const request = await requests.submit(
    { tenantId: DEV_TENANT_ID, userId: mia.userId },
    { category: "workload", urgency: "today", preference: "any", contact: "chat", text: "Too many late nights", shareName: false },
    { level: "none", reasons: [] },
  );
  code = request.referenceCode;
  await requests.act(DEV_TENANT_ID, code, "claim", { userId: sam.userId, isSupporter: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Mia's claimed request with the box to write to her supporter; every API call from then on is recorded. */
async function openComposer(): Promise<{ page: Page; calls: string[] }> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.addInitScript(() => sessionStorage.setItem("peer-circles.dev-user", "mia"));
  const calls: string[] = [];
  let recording = false;
  page.on("request", (request) => {
    if (recording && new URL(request.url()).pathname.startsWith("/api/")) calls.push(`${request.method()} ${request.url()}`);
  });
  await page.goto(`${server.url}/personal/requests`);
  const row = page.locator(`tr[data-code="${code}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.getByRole("button", { name: "Details" }).click();
  await page.getByTestId("message-box").waitFor({ timeout: 15_000 });
  // Let the details' own loads settle, then record only what typing causes.
  await page.waitForLoadState("networkidle");
  recording = true;
  return { page, calls };
}

describe("writing to the supporter", () => {
  it("shows the crisis lines as soon as crisis words are typed, before sending and without asking the server", async () => {
    const { page, calls } = await openComposer();
    const box = page.getByTestId("message-box");
    await box.pressSequentially(CRISIS, { delay: 5 });
    const notice = page.getByTestId("typed-crisis-notice");
    await notice.waitFor({ state: "visible", timeout: 5_000 });
    expect(await notice.getAttribute("role")).toBe("alert");
    expect(await notice.textContent()).toContain("Nothing has been sent yet");
    expect(await notice.getByTestId("typed-crisis-notice-top-line").textContent()).toContain("Samaritans");
    expect(await notice.getByRole("link", { name: "Call 116 123" }).getAttribute("href")).toBe("tel:116123");
    expect(await notice.getByRole("link", { name: "See all crisis lines" }).getAttribute("href")).toBe("/personal/resources#emergency");
    // Nothing was sent: the words are still in the box, Send was never pressed, and typing made no request.
    expect(await box.inputValue()).toBe(CRISIS);
    expect(await page.getByText("Sent. Your supporter will see it in Teams.").count()).toBe(0);
    expect(calls).toEqual([]);
    // The always-present block stays too.
    expect(await page.getByTestId("emergency-block").isVisible()).toBe(true);

    // Clearing the words clears the notice.
    await box.fill("");
    await notice.waitFor({ state: "detached", timeout: 5_000 });
    await page.context().close();
  });

  it("stays quiet for everyday words", async () => {
    const { page, calls } = await openComposer();
    const box = page.getByTestId("message-box");
    await box.pressSequentially("Is Thursday good for you? The deadline moved again.", { delay: 2 });
    await page.waitForTimeout(300);
    expect(await page.getByTestId("typed-crisis-notice").count()).toBe(0);
    expect(calls).toEqual([]);
    await page.context().close();
  });
});
