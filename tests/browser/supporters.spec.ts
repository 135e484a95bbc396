import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { SupporterRegistry } from "../../bot/src/requests/supporter-registry.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let browser: Browser;
const userOf = (key: string) => DEV_USERS.find((user) => user.key === key)!;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  const supporters = new SupporterRegistry(server.store);
  await supporters.setListed(DEV_TENANT_ID, userOf("sam").userId, true, "Sam Supporter");
  await supporters.setProfile(DEV_TENANT_ID, userOf("sam").userId, { languages: ["en", "pt-BR"], bio: "Nights on ward 4." });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(
  userKey: string,
  path: string,
  theme = "default",
  extra: { pickablePerson?: { objectId: string; displayName: string; email: string } } = {},
): Promise<Frame> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: path,
      frameContext: "content",
      theme,
      token: await devToken(server, userKey),
      tenantId: DEV_TENANT_ID,
      userId: userOf(userKey).userId,
      ...extra,
    },
    { width: 900, height: 1400 },
  );
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector(`[data-theme="${theme}"] main`, { timeout: 15_000 });
  return frame;
}

describe("supporters in the tab", () => {
  it("lets an admin put someone on the roster and shows members only listed supporters, with a way to ask them", async () => {
    const admin = await open("ada", "/personal/programme");
    await admin.getByRole("textbox", { name: "Entra object id" }).fill(userOf("max").userId, { timeout: 15_000 });
    await admin.getByRole("textbox", { name: "Name", exact: true }).last().fill("Max Member");
    await admin.getByLabel("Trained on").fill("2024-01-15");
    await admin.getByRole("button", { name: "Save supporter" }).click();
    await admin.getByText("Supporter saved.").waitFor({ timeout: 15_000 });
    const row = admin.getByTestId("roster").getByRole("row").filter({ hasText: "Max Member" });
    expect(await row.textContent()).toContain("Overdue");
    await admin.page().context().close();

    const member = await open("mia", "/personal/supporters");
    const entries = member.getByTestId("directory-entry");
    await entries.first().waitFor({ timeout: 15_000 });
    expect(await entries.count()).toBe(1);
    const sam = await entries.first().textContent();
    expect(sam).toContain("Sam Supporter");
    expect(sam).toContain("Brazilian Portuguese");
    expect(sam).toContain("ask Sam Supporter");
    await member.page().context().close();
  });

  it("fills the roster form from Teams' people picker where the client has one", async () => {
    const fin = userOf("fin");
    const admin = await open("ada", "/personal/programme", "default", {
      pickablePerson: { objectId: fin.userId, displayName: "Fin Facilitator", email: "fin@contoso.example" },
    });
    await admin.getByRole("button", { name: "Choose someone in Teams" }).click({ timeout: 15_000 });
    await expect.poll(() => admin.getByRole("textbox", { name: "Entra object id" }).inputValue()).toBe(fin.userId);
    await admin.page().context().close();
    const withoutPicker = await open("ada", "/personal/programme");
    await withoutPicker.getByRole("textbox", { name: "Entra object id" }).waitFor({ timeout: 15_000 });
    expect(await withoutPicker.getByRole("button", { name: "Choose someone in Teams" }).count()).toBe(0);
    await withoutPicker.page().context().close();
  });

  it("shows a supporter their own caseload at the top of the queue", async () => {
    const frame = await open("sam", "/personal/queue");
    await frame.getByTestId("caseload").waitFor({ timeout: 15_000 });
    expect(await frame.getByTestId("caseload").textContent()).toContain("0 of up to 3");
    await frame.page().context().close();
  });

  for (const theme of ["default", "dark", "contrast"]) {
    it(`has no axe violations on the directory, the queue and the roster in the ${theme} theme`, async () => {
      for (const [user, path, ready] of [
        ["mia", "/personal/supporters", '[data-testid="directory-entry"]'],
        ["sam", "/personal/queue", '[data-testid="caseload"]'],
        ["ada", "/personal/programme", "#roster-title"],
      ] as const) {
        const frame = await open(user, path, theme);
        await frame.waitForSelector(ready, { timeout: 15_000 });
        expect(await axeViolations(frame), `${path} (${theme})`).toEqual([]);
        await frame.page().context().close();
      }
    });
  }
});
