import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { ParticipationRecorder } from "../../bot/src/huddles/participation.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { parseCsv } from "../../shared/insights/insights-csv.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let browser: Browser;
const FIGURES = ["participation", "sessions", "pulse", "requestsByWeek", "requestsByCategory", "timeToClaim", "referrals", "training"];
const WEEK_MS = 7 * 86_400_000;
const someone = (index: number) => `00000000-0000-4000-8000-0000000b${String(index).padStart(4, "0")}`;

/** Three recent weeks of huddles, a small circle and requests, through the services that record them. */
async function seed(): Promise<void> {
  const recorder = new ParticipationRecorder(server.store);
  for (let week = 0; week < 3; week++) {
    const at = new Date(Date.now() - week * WEEK_MS - 3_600_000);
    const people = [1, 2, 3, 4, 5, 6].map(someone);
    await recorder.recordSession(DEV_TENANT_ID, {
      userIds: people,
      at,
      touchpoint: "huddle",
      pulses: [{ 1: 0, 2: 1, 3: 5, 4: 2, 5: 0 }],
      pulseRespondents: people,
    });
    await recorder.recordSession(DEV_TENANT_ID, { userIds: [7, 8, 9].map(someone), at, touchpoint: "circle", pulses: [] });
    let now = at.getTime();
    const requests = new RequestService(server.store, () => new Date(now));
    for (let index = 0; index < 10; index++) {
      now = at.getTime();
      const form = { category: "workload", urgency: "today", preference: "any", contact: "chat", shareName: false } as const;
      const request = await requests.submit({ tenantId: DEV_TENANT_ID, userId: someone(20 + index) }, form, { level: "none", reasons: [] });
      now += (index + 1) * 7 * 60_000;
      const supporter = { userId: DEV_USERS.find((user) => user.key === "sam")!.userId, isSupporter: true };
      await requests.act(DEV_TENANT_ID, request.referenceCode, "claim", supporter);
      await requests.act(DEV_TENANT_ID, request.referenceCode, index % 2 ? "refer" : "resolve", supporter);
    }
  }
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  await seed();
  const saved = await fetch(`${server.url}/api/insights/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${await devToken(server, "ada")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ programmeSize: 40, targetShare: 0.6, targetBy: "2027-01-31" }),
  });
  expect(saved.status).toBe(200);
  // Five supporters trained two years ago are overdue; one trained last month is current.
  const trainedOn = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  for (const [index, daysAgo] of [730, 730, 730, 730, 730, 30].entries()) {
    const added = await fetch(`${server.url}/api/admin/supporters/${someone(60 + index)}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${await devToken(server, "ada")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ trainedOn: trainedOn(daysAgo) }),
    });
    expect(added.status).toBe(200);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openInsights(
  options: { user?: string; theme?: string; width?: number } = {},
): Promise<{ context: BrowserContext; frame: Frame }> {
  const width = options.width ?? 900;
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, viewport: { width: width + 40, height: 1200 } });
  const page = await context.newPage();
  const user = DEV_USERS.find((candidate) => candidate.key === (options.user ?? "ada"))!;
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: "/personal/insights",
      frameContext: "content",
      theme: options.theme ?? "default",
      locale: "en-gb",
      token: await devToken(server, user.key),
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
    },
    { width, height: 1100 },
  );
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector("#insights-title", { timeout: 15_000 });
  return { context, frame };
}

/** Waits for every chart to draw, then opens every data table. */
async function showEverything(frame: Frame): Promise<void> {
  for (const figure of FIGURES) await frame.locator(`[data-testid="chart-${figure}"] svg`).first().waitFor({ timeout: 20_000 });
  const toggles = frame.getByRole("button", { name: "Show data table" });
  while ((await toggles.count()) > 0) await toggles.first().click();
}

/** A table cell's text as a number, or the withheld wording as it stands. */
function cellValue(text: string): string {
  if (text === "fewer than 5") return text;
  return String(Number(text.replace(/[^\d.-]/g, "")));
}

describe("programme insights in the tab", () => {
  it("draws a chart for every figure, with a data table (caption and headers) one press away", async () => {
    const { context, frame } = await openInsights();
    for (const figure of FIGURES) await frame.locator(`[data-testid="chart-${figure}"] svg`).first().waitFor({ timeout: 20_000 });
    const toggle = frame.getByTestId("figure-sessions").getByRole("button", { name: "Show data table" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.focus();
    await frame.page().keyboard.press("Enter");
    const table = frame.locator('table[data-figure="sessions"]');
    await table.waitFor();
    expect(await table.locator("caption").textContent()).toBe("Sessions held");
    expect(await table.locator('th[scope="col"]').allTextContents()).toEqual(["Huddles", "Circle sessions", "Buddy check-ins"]);
    expect(await table.locator('th[scope="row"]').last().textContent()).toBe("Total");
    // Three huddles of six people are shown; three circle sessions of the same three people are not.
    expect(await table.locator('tr[data-row="all"] td[data-column="huddle"]').textContent()).toBe("3");
    expect(await table.locator('tr[data-row="all"] td[data-column="circle"]').textContent()).toBe("fewer than 5");
    expect(await frame.getByText("Target: 60% by 31 Jan 2027").count()).toBe(1);
    const training = frame.getByTestId("figure-training");
    await training.getByRole("button", { name: "Show data table" }).click();
    const trainingTable = frame.locator('table[data-figure="training"]');
    expect(await trainingTable.locator('tr[data-row="overdue"] td').textContent()).toBe("5");
    expect(await trainingTable.locator('tr[data-row="current"] td').textContent()).toBe("fewer than 5");
    await showEverything(frame);
    expect(await frame.locator("table[data-figure]").count()).toBe(FIGURES.length);
    await context.close();
  });

  it("downloads a CSV holding exactly the figures the tables show", async () => {
    const { context, frame } = await openInsights();
    await showEverything(frame);
    const [download] = await Promise.all([
      frame.page().waitForEvent("download"),
      frame.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, "utf8"));
    expect(header).toEqual(["figure", "row", "column", "value"]);
    const shown = await frame
      .locator("table[data-figure] td[data-column]")
      .evaluateAll((cells) =>
        cells.map((cell) => [
          cell.closest("table")!.getAttribute("data-figure")!,
          cell.closest("tr")!.getAttribute("data-row")!,
          cell.getAttribute("data-column")!,
          cell.textContent ?? "",
        ]),
      );
    expect(rows.length).toBe(shown.length);
    expect(rows.map(([figure, row, column, value]) => [figure, row, column, cellValue(value!)])).toEqual(
      shown.map(([figure, row, column, text]) => [figure, row, column, cellValue(text!)]),
    );
    expect(rows.some((row) => row[3] === "fewer than 5")).toBe(true);
    expect(rows.some((row) => row[0] === "referrals" && row[2] === "share" && row[3] === "50")).toBe(true);
    await context.close();
  });

  for (const theme of ["default", "dark", "contrast"]) {
    it(`has no axe violations in the ${theme} theme, charts and tables open`, async () => {
      const { context, frame } = await openInsights({ theme });
      await showEverything(frame);
      expect(await axeViolations(frame)).toEqual([]);
      await context.close();
    });
  }

  it("fits a 320-pixel-wide frame without sideways scrolling", async () => {
    const { context, frame } = await openInsights({ width: 320 });
    await showEverything(frame);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("tells anyone but an admin that insights are for admins, and is linked from the Programme page", async () => {
    const { context, frame } = await openInsights({ user: "mia" });
    await frame.getByTestId("insights-admins-only").waitFor({ timeout: 15_000 });
    expect(await frame.locator("table, svg[role]").count()).toBe(0);
    await context.close();
    const admin = await openInsights();
    await admin.frame.goto(`${server.url}/personal/programme`);
    expect(await admin.frame.getByTestId("insights-link").getAttribute("href")).toBe("/personal/insights");
    await admin.context.close();
  });
});
