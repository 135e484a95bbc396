import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { huddleDocumentId } from "../../bot/src/huddles/huddle-service.js";
import type { DocumentStore, JsonObject } from "../../bot/src/storage/document-store.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";

/**
 * Issue #17, journeys 4, 5 and 6: one morning huddle walked from the meeting's side panels and
 * stage. Teams is played by a stand-in Bot Connector: Sky organised the meeting, Fin facilitates,
 * Mia takes part, and Max's screen shows the stage. Fin's and Mia's panels are 320 px wide.
 */
const MEETING = "MCMxOTptZWV0aW5nX2pvdXJuZXlzQHRocmVhZC52Mg==";
const RECURRING = "MCMxOTptZWV0aW5nX3JlY3VycmluZ0B0aHJlYWQudjI=";
const user = (key: string) => DEV_USERS.find((candidate) => candidate.key === key)!;
const NAMES = Object.fromEntries(DEV_USERS.map((person) => [person.userId, person.displayName]));
const THEMES = ["default", "dark", "contrast"] as const;

let connector: MeetingRosterConnector;
let server: TestServer;
let browser: Browser;
let store: DocumentStore;

beforeAll(async () => {
  connector = await startMeetingRosterConnector(
    {
      [MEETING]: ["sky", "fin", "mia", "max"].map((key) => user(key).userId),
      [RECURRING]: ["fin", "sky", "mia"].map((key) => user(key).userId),
    },
    {},
    { names: NAMES },
  );
  server = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: connector.url }, undefined, (inner) => (store = inner));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await connector?.close();
});

/** One person's Teams client showing the side panel or the stage, `width` px wide. */
async function open(key: string, frameContext: "sidePanel" | "meetingStage", width: number, meetingId = MEETING): Promise<Frame> {
  // axe is injected as a script, which the tab's CSP rightly forbids; only the test lifts it.
  const page: Page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: frameContext === "sidePanel" ? "/meeting/side-panel" : "/meeting/stage",
      frameContext,
      token: await devToken(server, key),
      tenantId: DEV_TENANT_ID,
      userId: user(key).userId,
      meetingId,
    },
    { width, height: frameContext === "sidePanel" ? 900 : 720 },
  );
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector("main #side-panel-title, main #stage-title", { timeout: 15_000 });
  return frame;
}

/** Nothing scrolls sideways, and each element named lies wholly inside the frame's width. */
async function expectFits(frame: Frame, width: number, what: string[]) {
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "sideways scroll").toBeLessThanOrEqual(0);
  for (const selector of what) {
    const boxes = await frame.locator(selector).evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left, right: box.right, clipped: element.scrollWidth > element.clientWidth + 1 };
      }),
    );
    expect(boxes.length, selector).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.left, selector).toBeGreaterThanOrEqual(0);
      expect(box.right, selector).toBeLessThanOrEqual(width);
      expect(box.clipped, `${selector} clipped`).toBe(false);
    }
  }
}

async function expectAxeCleanInEveryTheme(frame: Frame, what: string) {
  for (const theme of THEMES) {
    await frame.page().evaluate((next) => (window as unknown as { setTheme(theme: string): void }).setTheme(next), theme);
    await frame.waitForSelector(`[data-theme="${theme}"] main`, { timeout: 15_000 });
    expect(await axeViolations(frame), `${what}, ${theme} theme`).toEqual([]);
  }
  await frame.page().evaluate(() => (window as unknown as { setTheme(theme: string): void }).setTheme("default"));
}

const escaped = (text: string) => text.replace(/[()]/g, "\\$&");

/** Which of the panels says "Your turn" now, and what the others say. */
async function roundAsSeen(panels: Record<string, Frame>) {
  const seen: Record<string, { mine: boolean; text: string; announced: string }> = {};
  for (const [key, frame] of Object.entries(panels)) {
    const speaker = frame.getByTestId("speaker");
    seen[key] = {
      mine: (await speaker.getAttribute("data-mine")) === "true",
      text: (await speaker.textContent()) ?? "",
      announced: (await frame.getByTestId("round-announcement").textContent()) ?? "",
    };
  }
  return seen;
}

describe("the meeting side panel and stage, from set-up to the next huddle", () => {
  it("fits 320 px, names the round, offers take-over to the organiser, and ends in a summary", async () => {
    const fin = await open("fin", "sidePanel", 320);
    const mia = await open("mia", "sidePanel", 320);
    const sky = await open("sky", "sidePanel", 400);
    const stage = await open("max", "meetingStage", 1024);
    const panels = { fin, mia, sky };

    await fin.getByRole("button", { name: "Set up this huddle" }).click({ timeout: 15_000 });
    await fin.getByRole("button", { name: "Start", exact: true }).click({ timeout: 15_000 });
    for (const frame of [fin, mia, sky, stage])
      await frame.locator('[data-testid="huddle"][data-step="pulse"]').waitFor({ timeout: 15_000 });

    // Journey 4: a pulse step at 320 px. All five levels, the prompt and "End huddle" are on screen.
    for (const frame of [fin, mia]) {
      await frame.getByRole("button", { name: "Level 5" }).waitFor({ timeout: 15_000 });
      await expectFits(frame, 320, ['[data-testid="pulse"] button', '[data-testid="step-prompt"]', '[data-testid="emergency-block"]']);
    }
    await expectFits(fin, 320, ['[role="toolbar"] button', 'button:has-text("End huddle")']);

    // Journey 6: "Take over" is for the organiser alone; the facilitator has the controls instead.
    expect(await sky.getByRole("button", { name: /Take over/ }).count()).toBe(1);
    expect(await mia.getByRole("button", { name: /Take over/ }).count()).toBe(0);
    expect(await fin.getByRole("button", { name: /Take over/ }).count()).toBe(0);

    // Three answers, so the spread may be shown once the step ends.
    for (const [frame, level] of [
      [fin, 4],
      [mia, 2],
      [sky, 4],
    ] as const) {
      await frame.getByRole("button", { name: `Level ${level}` }).click();
      await frame.getByText("Thanks, your answer is counted anonymously.").waitFor({ timeout: 15_000 });
    }

    // The speaking round: everyone sees who speaks now and next, by name; the speaker sees "Your turn".
    await fin.getByRole("button", { name: "Next step" }).click();
    for (const frame of [fin, mia, sky, stage]) await frame.getByTestId("speaker").waitFor({ timeout: 15_000 });
    const names = ["fin", "mia", "sky", "max"].map((key) => user(key).displayName);
    const turns = new Set<string>();
    for (let turn = 0; turn < 4; turn++) {
      const stageSays = (await stage.getByTestId("speaking-now").textContent()) ?? "";
      const speaking = names.find((name) => stageSays === `Speaking now: ${name}`);
      expect(speaking, stageSays).toBeDefined();
      turns.add(speaking!);
      const expected = (key: string) => (user(key).displayName === speaking ? "It's your turn to speak." : `Now speaking: ${speaking}.`);
      // Each panel follows the stage within a moment (its own event stream); wait for all three.
      await expect
        .poll(async () => Object.entries(await roundAsSeen(panels)).every(([key, view]) => view.announced === expected(key)), {
          timeout: 15_000,
        })
        .toBe(true);
      const seen = await roundAsSeen(panels);
      for (const [key, view] of Object.entries(seen)) {
        const theirs = user(key).displayName === speaking;
        expect(view.mine, `${key} on ${speaking}'s turn`).toBe(theirs);
        expect(view.announced).toBe(theirs ? "It's your turn to speak." : `Now speaking: ${speaking}.`);
        if (!theirs) expect(view.text).toContain(`Speaking now: ${speaking}`);
      }
      if (turn === 3) expect(seen.fin!.text).toContain("Last speaker of this round.");
      else expect(seen.fin!.text).toMatch(new RegExp(`Next: (${names.map(escaped).join("|")})|You're next\\.`));
      if (seen.mia!.mine) await expectAxeCleanInEveryTheme(mia, "side panel, your turn");
      if (turn < 3) {
        await fin.getByRole("button", { name: "Next speaker" }).click();
        await stage.getByTestId("speaking-now").filter({ hasNotText: speaking! }).waitFor({ timeout: 15_000 });
      }
    }
    expect([...turns].sort()).toEqual([...names].sort());

    // The stage: one alignment, a progress bar, and the compact emergency line, not the full block.
    const progress = stage.getByRole("progressbar", { name: "Progress: step 2 of 4" });
    expect(await progress.getAttribute("aria-valuenow")).toBe("2");
    expect(await stage.getByTestId("emergency-block").count()).toBe(0);
    expect(await stage.getByTestId("emergency-link").getByTestId("emergency-top-line").isVisible()).toBe(true);
    const alignments = await stage
      .locator(
        '#stage-title, [data-testid="step-title"], [data-testid="countdown"], [data-testid="speaking-now"], [data-testid="emergency-link"]',
      )
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).textAlign));
    expect(alignments).toEqual(["center", "center", "center", "center", "center"]);
    await expectAxeCleanInEveryTheme(stage, "stage in a speaking round");

    // Ending asks first, and "Keep going" keeps it going.
    await fin.getByRole("button", { name: "Next step" }).click();
    await fin.locator('[data-testid="huddle"][data-step="blockers"]').waitFor({ timeout: 15_000 });
    await fin.getByRole("button", { name: "End huddle" }).click();
    await fin.getByRole("button", { name: "Keep going" }).click();
    expect(await fin.getByTestId("huddle").getAttribute("data-phase")).toBe("running");
    await fin.getByRole("button", { name: "End huddle" }).click();
    await fin.getByText("End the huddle for everyone?").waitFor();
    await fin.getByRole("button", { name: "End now" }).click();

    // Journey 5: the summary, everywhere: steps done, time used, the pulse as a chart that is a table.
    const read = await fetch(`${server.url}/api/huddles/${encodeURIComponent(MEETING)}`, {
      headers: { Authorization: `Bearer ${await devToken(server, "mia")}` },
    });
    const sent = ((await read.json()) as { session: { closedPulses: { counts?: Record<string, number> }[] } }).session.closedPulses;
    expect(sent).toEqual([{ stepId: "pulse", counts: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 } }]);
    for (const frame of [fin, mia, stage]) {
      await frame.getByRole("heading", { name: "Summary" }).waitFor({ timeout: 15_000 });
      expect(await frame.getByTestId("summary-steps").locator("li").allTextContents()).toEqual([
        expect.stringMatching(/^Pulse check: /),
        expect.stringMatching(/^One word: /),
        expect.stringMatching(/^Blockers and asks: /),
      ]);
      expect(await frame.getByTestId("summary-total").textContent()).toMatch(/^3 steps in .+ Ended at \d{1,2}:\d{2}/);
      const table = frame.getByRole("table", { name: /Pulse: Pulse check, anonymous, 3 answers/ });
      await table.waitFor({ timeout: 15_000 });
      // Exactly what the server sent, level by level: never more.
      expect(await table.getByTestId("pulse-count").allTextContents()).toEqual(["0", "1", "0", "2", "0"]);
    }
    await expectFits(mia, 320, ['[data-testid="huddle-ended"]', '[data-testid="pulse-chart"]']);
    await expectAxeCleanInEveryTheme(fin, "side panel summary (facilitator)");
    expect(await mia.getByRole("button", { name: "Start a new huddle" }).count()).toBe(0);

    // The facilitator alone may post the summary to the meeting chat; the bot writes it there, once.
    expect(await mia.getByRole("button", { name: "Post the summary to the meeting chat" }).count()).toBe(0);
    await fin.getByRole("button", { name: "Post the summary to the meeting chat" }).click();
    await fin.getByRole("status").filter({ hasText: "The summary is in the meeting chat." }).waitFor({ timeout: 15_000 });
    expect(connector.posted.map((post) => post.conversationId)).toEqual(["19:meeting_journeys@thread.v2"]);
    expect(connector.posted[0]!.text).toContain("1: 0 · 2: 1 · 3: 0 · 4: 2 · 5: 0");
    expect(await fin.getByRole("button", { name: "Post the summary to the meeting chat" }).count()).toBe(0);

    // The meeting's next huddle: Fin starts it from the summary; Mia's panel follows and asks her pulse again.
    await fin.getByRole("button", { name: "Start a new huddle" }).click();
    for (const frame of [fin, mia]) await frame.locator('[data-testid="huddle"][data-phase="ready"]').waitFor({ timeout: 15_000 });
    await fin.getByRole("button", { name: "Start", exact: true }).click();
    await mia.locator('[data-testid="huddle"][data-phase="running"][data-step="pulse"]').waitFor({ timeout: 15_000 });
    expect(await mia.getByRole("button", { name: "Level 3" }).isEnabled()).toBe(true);

    for (const frame of [fin, mia, sky, stage]) await frame.page().context().close();
  }, 240_000);

  it("lets tomorrow's stand-up replace yesterday's, left running in the same recurring meeting", async () => {
    const post = async (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${await devToken(server, "fin")}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    await post("/api/huddles", { meetingId: RECURRING, templateId: "morning-huddle" });
    await post(`/api/huddles/${encodeURIComponent(RECURRING)}/actions`, { type: "start" });
    const sky = await open("sky", "sidePanel", 320, RECURRING);
    const mia = await open("mia", "sidePanel", 320, RECURRING);
    await sky.locator('[data-testid="huddle"][data-phase="running"]').waitFor({ timeout: 15_000 });
    // Today's, running: nobody but its facilitator may end it, and nobody is offered to replace it.
    expect(await sky.getByTestId("huddle-abandoned").count()).toBe(0);

    // A day passes: nobody ended it when the call ended.
    const id = huddleDocumentId(RECURRING);
    const stored = (await store.get<JsonObject>("huddles", DEV_TENANT_ID, id))!;
    const day = 24 * 3_600_000;
    const session = stored.value as { changedAt: number; clock: JsonObject & { startedAt: number; stepStartedAt: number } };
    const clock = { ...session.clock, startedAt: session.clock.startedAt - day, stepStartedAt: session.clock.stepStartedAt - day };
    await store.replace(
      "huddles",
      DEV_TENANT_ID,
      id,
      { ...stored.value, changedAt: session.changedAt - day, clock },
      { ifMatch: stored.etag },
    );

    await sky.getByTestId("huddle-abandoned").waitFor({ timeout: 15_000 });
    expect(await mia.getByTestId("huddle-abandoned").count()).toBe(0);
    await sky.getByRole("button", { name: "Start a new huddle" }).click();
    for (const frame of [sky, mia]) await frame.locator('[data-testid="huddle"][data-phase="ready"]').waitFor({ timeout: 15_000 });
    // Sky set it up, so Sky runs it.
    await sky.getByRole("button", { name: "Start", exact: true }).click();
    await mia.locator('[data-testid="huddle"][data-phase="running"][data-step="pulse"]').waitFor({ timeout: 15_000 });
    await expectAxeCleanInEveryTheme(sky, "side panel, running (facilitator)");
    for (const frame of [sky, mia]) await frame.page().context().close();
  }, 120_000);
});
