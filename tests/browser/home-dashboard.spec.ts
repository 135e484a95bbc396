import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/** Home's open sign-up round, walked as Mia: its time slots read in date order, not in the order the admin typed them. */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  const response = await fetch(`${server.url}/api/circle-rounds`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await devToken(server, "ada")}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      name: "Autumn circles",
      closesOn: "2030-03-01",
      startsOn: "2030-03-04",
      groupSize: { min: 2, max: 6 },
      cadence: "weekly",
      // Typed Thursday first, then Tuesday, then Monday.
      slots: [
        { id: "thu-16", weekday: "TH", localTime: "16:00", durationMinutes: 60, timeZone: "America/New_York" },
        { id: "tue-9", weekday: "TU", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" },
        { id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" },
      ],
    }),
  });
  expect(response.status).toBeLessThan(300);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openAs(user: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London", viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  await page.goto(`${server.url}/personal/home`);
  return page;
}

const weekdays = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((items) => items.map((item) => /Monday|Tuesday|Thursday/.exec(item.textContent ?? "")?.[0]));

describe("an open round on Home", () => {
  it("lists its time slots in date order, in the list and in the sign-up form", async () => {
    const page = await openAs("mia", 1280);
    await page.getByTestId("open-round").waitFor({ timeout: 15_000 });
    expect(await weekdays(page, '[data-testid="round-slot"]')).toEqual(["Monday", "Tuesday", "Thursday"]);
    await page.getByRole("button", { name: "Sign up", exact: true }).click();
    await page.locator('[data-testid="sign-up-form"] [data-slot-id]').first().waitFor({ timeout: 15_000 });
    const ids = await page
      .locator('[data-testid="sign-up-form"] [data-slot-id]')
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-slot-id")));
    expect(ids).toEqual(["mon-9", "tue-9", "thu-16"]);
    await page.context().close();
  });

  it.each([320, 375])("fits %i px without scrolling sideways", async (width) => {
    const page = await openAs("mia", width);
    await page.getByTestId("open-round").waitFor({ timeout: 15_000 });
    await page.getByTestId("home-tools").waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
