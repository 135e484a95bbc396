import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/** The facilitator's "who is here" in the meeting side panel, from the server's shared presence. */
const MEETING = "MCMxOTptZWV0aW5nX3doby1pcy1oZXJlQHRocmVhZC52Mg==";

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

async function openSidePanel(userKey: string, locale?: string, meetingId = MEETING): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  const user = DEV_USERS.find((candidate) => candidate.key === userKey)!;
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: "/meeting/side-panel",
      frameContext: "sidePanel",
      token: await devToken(server, userKey),
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      meetingId,
      ...(locale ? { locale } : {}),
    },
    { width: 320, height: 880 },
  );
  return page;
}

const tab = (page: Page) => page.frameLocator("iframe#tab");
const whoIsHere = (page: Page) => tab(page).locator('[data-testid="who-is-here"]');
const names = async (page: Page) => (await whoIsHere(page).locator("li").allTextContents()).sort();

describe("who is here, in the facilitator's side panel", () => {
  it("lists the people with the huddle open by name, to the facilitator only, and follows them leaving", async () => {
    const mia = await openSidePanel("mia");
    const max = await openSidePanel("max");
    await tab(mia).getByText("The facilitator will start the huddle.").waitFor({ timeout: 15_000 });
    await tab(max).getByText("The facilitator will start the huddle.").waitFor({ timeout: 15_000 });
    const fin = await openSidePanel("fin");
    // Before the huddle exists, whoever may set it up sees who has it open.
    await whoIsHere(fin).getByText("Max Member (dev)").waitFor({ timeout: 15_000 });
    await tab(fin).getByRole("button", { name: "Set up this huddle" }).click();
    await tab(fin).getByRole("button", { name: "Start" }).click({ timeout: 15_000 });
    await expect
      .poll(() => names(fin), { timeout: 15_000 })
      .toEqual(["Fin Facilitator (dev) (you)", "Max Member (dev)", "Mia Member (dev)"]);
    await whoIsHere(fin).getByText("Here now (3)").waitFor();
    // Nobody else's panel shows it, and no Entra object id is on the page.
    await tab(mia).locator('[data-testid="huddle"]').waitFor({ timeout: 15_000 });
    expect(await whoIsHere(mia).count()).toBe(0);
    const shown = await tab(fin).locator("body").innerText();
    for (const user of DEV_USERS) expect(shown).not.toContain(user.userId);

    // Mia closes her panel; the next change of step reads the list again.
    await mia.close();
    await tab(fin).getByRole("button", { name: "Next step" }).click();
    await expect.poll(() => names(fin), { timeout: 15_000 }).toEqual(["Fin Facilitator (dev) (you)", "Max Member (dev)"]);
    await max.close();
    await fin.close();
  }, 90_000);

  it("speaks German to a German facilitator setting up another meeting's huddle", async () => {
    const sky = await openSidePanel("sky", "de-DE", `${MEETING}-de`);
    await whoIsHere(sky).getByText("Sky Supporter (dev) (Sie)").waitFor({ timeout: 20_000 });
    await whoIsHere(sky)
      .getByText(/^Jetzt da \(\d\)$/)
      .waitFor();
    await sky.close();
  }, 60_000);
});
