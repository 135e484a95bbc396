import { readFileSync } from "node:fs";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  for (const user of ["mia", "max"]) {
    const response = await fetch(`${server.url}/api/me/preferences`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${await devToken(server, user)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ theme: user === "mia" ? "dark" : "contrast" }),
    });
    expect(response.status).toBe(200);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openMyData(userKey: string, theme = "default"): Promise<Frame> {
  const page = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
  const user = DEV_USERS.find((candidate) => candidate.key === userKey)!;
  await openFakeTeamsHost(page, server.url, {
    tabUrl: "/personal/my-data",
    frameContext: "content",
    theme,
    token: await devToken(server, userKey),
    tenantId: DEV_TENANT_ID,
    userId: user.userId,
  });
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector("#my-data-title", { timeout: 15_000 });
  return frame;
}

describe("my data in the tab", () => {
  for (const theme of ["default", "dark", "contrast"]) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const frame = await openMyData("max", theme);
      await frame.getByTestId("my-data-will-go").waitFor({ timeout: 15_000 });
      expect(await axeViolations(frame)).toEqual([]);
      await frame.page().context().close();
    });
  }

  it("downloads my own data, says what erasing removes, and erases only after confirmation", async () => {
    const frame = await openMyData("mia");
    const [download] = await Promise.all([
      frame.page().waitForEvent("download"),
      frame.getByRole("button", { name: "Download my data (JSON)" }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as { preferences: { theme: string } };
    expect(exported.preferences.theme).toBe("dark");
    expect(JSON.stringify(exported)).not.toContain("contrast");

    expect(await frame.getByTestId("my-data-will-go").textContent()).toContain("your preferences and how the bot reaches you");
    await frame.getByRole("button", { name: "Erase my data" }).click();
    await frame.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
    expect(await frame.getByTestId("my-data-will-go").count()).toBe(1);
    await frame.getByRole("button", { name: "Erase my data" }).click();
    await frame.getByRole("alertdialog").getByRole("button", { name: "Yes, erase it" }).click();
    await frame.getByTestId("my-data-nothing").waitFor({ timeout: 15_000 });
    await frame.page().context().close();
  });
});
