import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { launchChromium } from "../support/chromium.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Journeys 2 and 3 of issue 17, walked as the sample supporters: the queue on a phone, one card per
 * request with Claim on screen; and working from the tab: claim, write to the requester, go on duty,
 * see the queue and the caseload follow, an overdue crisis said in words.
 */
let server: TestServer;
let browser: Browser;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
const userOf = (key: string) => DEV_USERS.find((user) => user.key === key)!;
const form = {
  category: "workload",
  urgency: "today",
  preference: "any",
  contact: "chat",
  text: "Nights again",
  shareName: false,
} as const;
let overdueCrisis = "";

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  connector = await startConnectorStub({ keepBodies: true });
  browser = await launchChromium();
  // A crisis made an hour ago, never claimed: far past its five-minute target.
  const anHourAgo = new RequestService(server.store, () => new Date(Date.now() - 3_600_000));
  overdueCrisis = (
    await anHourAgo.submit({ tenantId: DEV_TENANT_ID, userId: userOf("max").userId }, form, { level: "crisis", reasons: ["test"] })
  ).referenceCode;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await connector?.close();
});

async function openAs(user: string, path: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** Mia says hello to the bot in personal chat, as Teams would deliver it: now the bot can write to her. */
async function miaTalksToTheBot(): Promise<void> {
  const mia = userOf("mia");
  const response = await fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: "hello-mia",
      text: "hi",
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "en-GB",
      timestamp: new Date().toISOString(),
      from: { id: "29:mia", aadObjectId: mia.userId, name: mia.displayName },
      recipient: { id: "28:bot" },
      conversation: { id: "a:mia-personal", conversationType: "personal", tenantId: DEV_TENANT_ID },
      channelData: { tenant: { id: DEV_TENANT_ID } },
    }),
  });
  expect(response.status).toBeLessThan(300);
}

const overflow = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe("the queue on a phone", () => {
  it.each([375, 320])("shows one card per request at %i px, Claim on screen and nothing wider than the screen", async (width) => {
    const page = await openAs("sky", "/personal/queue", width);
    const card = page.locator(`[data-testid="queue-card"][data-code="${overdueCrisis}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await page.locator("table").count()).toBe(0);
    const claim = card.getByRole("button", { name: `Claim ${overdueCrisis}` });
    const box = (await claim.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // The overdue crisis is said in words, not only by the red badge.
    expect(await card.getByTestId("overdue-crisis").textContent()).toContain("past its response target");
    const { scrollWidth, innerWidth } = await overflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.context().close();
  });

  it("keeps the table where there is room, the overdue crisis row in words there too", async () => {
    const page = await openAs("sky", "/personal/queue", 1280);
    const row = page.locator(`tr[data-code="${overdueCrisis}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId("overdue-crisis").textContent()).toContain("past its response target");
    expect(await page.getByTestId("queue-card").count()).toBe(0);
    await page.context().close();
  });
});

describe("a supporter working from the tab", () => {
  it("claims, writes to the requester there, and sees the caseload and the queue follow", async () => {
    await miaTalksToTheBot();
    const page = await openAs("sam", "/personal/queue");
    const summary = page.getByTestId("caseload-summary");
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain("0 of up to");
    // The roster's unreachable supporters are for admins, not for Sam.
    expect(await page.getByTestId("unreachable-supporters").count()).toBe(0);

    // A request arrives while the queue is open: coming back to the window shows it.
    const mia = userOf("mia");
    const code = (
      await new RequestService(server.store).submit(
        { tenantId: DEV_TENANT_ID, userId: mia.userId },
        form,
        { level: "none", reasons: [] },
        {
          serviceUrl: connector.url,
          conversation: { id: "a:mia-personal" },
          user: { id: "29:mia" },
          bot: { id: "28:bot" },
          channelId: "msteams",
        },
      )
    ).referenceCode;
    const row = page.locator(`tr[data-code="${code}"]`);
    expect(await row.count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await row.waitFor({ timeout: 15_000 });

    await row.getByRole("button", { name: `Claim ${code}` }).click();
    const panel = page.getByTestId("claimed-request");
    await panel.waitFor({ timeout: 15_000 });
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain("1 of up to");

    const before = connector.bodies.length;
    await panel.getByTestId("relay-box").fill("Hi, I can call you at 3 today.");
    await panel.getByRole("button", { name: "Send" }).click();
    await panel.getByText("Sent. The requester will see it in Teams chat.").waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId("relay-box").inputValue()).toBe("");
    await expect.poll(() => connector.bodies.slice(before).join("\n")).toContain("Hi, I can call you at 3 today.");

    await panel.getByRole("button", { name: "Mark resolved" }).click();
    await panel.waitFor({ state: "detached", timeout: 15_000 });
    await row.waitFor({ state: "detached", timeout: 15_000 });
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain("0 of up to");
    await page.context().close();
  });

  it("keeps the words and says why when the requester cannot be reached", async () => {
    const code = (
      await new RequestService(server.store).submit({ tenantId: DEV_TENANT_ID, userId: userOf("fin").userId }, form, {
        level: "none",
        reasons: [],
      })
    ).referenceCode;
    const page = await openAs("sam", "/personal/queue");
    await page
      .locator(`tr[data-code="${code}"]`)
      .getByRole("button", { name: `Claim ${code}` })
      .click({ timeout: 15_000 });
    const panel = page.getByTestId("claimed-request");
    await panel.getByTestId("relay-box").fill("Are you free tomorrow?", { timeout: 15_000 });
    await panel.getByRole("button", { name: "Send" }).click();
    await panel.getByText("may not have a chat with the Peer Circles bot yet").waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId("relay-box").inputValue()).toBe("Are you free tomorrow?");
    await page.context().close();
  });

  it("goes on and off duty with a switch, and the queue remembers it", async () => {
    const page = await openAs("sky", "/personal/queue");
    const duty = page.getByRole("switch", { name: "On duty: send new requests to me" });
    await duty.waitFor({ timeout: 15_000 });
    expect(await duty.isChecked()).toBe(false);
    await duty.click();
    await expect.poll(() => page.getByTestId("duty-status").textContent(), { timeout: 15_000 }).toContain("You are on duty");
    const mine = await fetch(`${server.url}/api/supporters/me`, { headers: { Authorization: `Bearer ${await devToken(server, "sky")}` } });
    expect(await mine.json()).toMatchObject({ onDuty: true });
    await page.reload();
    await page.getByRole("switch", { name: "On duty: send new requests to me" }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole("switch", { name: "On duty: send new requests to me" }).isChecked()).toBe(true);
    await page.getByRole("switch", { name: "On duty: send new requests to me" }).click();
    await expect.poll(() => page.getByTestId("duty-status").textContent(), { timeout: 15_000 }).toContain("You are off duty");
    await page.context().close();
  });

  it("shows the roster's unreachable supporters to an admin who is also on the roster", async () => {
    const ada = userOf("ada");
    const grant = await fetch(`${server.url}/api/admin/roles/${ada.userId}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${await devToken(server, "ada")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ roles: ["admin", "supporter"] }),
    });
    expect(grant.status).toBe(200);
    const page = await openAs("ada", "/personal/queue");
    await page.getByTestId("unreachable-supporters").waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
