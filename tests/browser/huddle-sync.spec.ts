import { connect, createServer, type Server, type Socket } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

const MEETING = "MCMxOTptZWV0aW5nX3N5bmMtdGVzdEB0aHJlYWQudjI=";

let server: TestServer;
let browser: Browser;
let link: NetworkLink;

/**
 * One client's network: a TCP relay to the server that can be cut (every open connection reset,
 * new ones refused) and restored. Browser offline emulation leaves an open event stream running,
 * so it cannot drop a panel's connection; this can.
 */
interface NetworkLink {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

async function openNetworkLink(serverUrl: string): Promise<NetworkLink> {
  const target = new URL(serverUrl);
  const sockets = new Set<Socket>();
  let down = false;
  const relay: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: () => {
      down = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore: () => {
      down = false;
    },
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  link = await openNetworkLink(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  link?.cut();
  await link?.close();
  await server?.stop();
});

/** One person's Teams client: a side panel or the stage, with the computer clock off by `skewMs`. */
async function openMeetingView(
  userKey: string,
  frameContext: "sidePanel" | "meetingStage",
  skewMs: number,
  serverUrl = server.url,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.clock.install({ time: Date.now() + skewMs });
  const user = DEV_USERS.find((candidate) => candidate.key === userKey)!;
  await openFakeTeamsHost(
    page,
    serverUrl,
    {
      tabUrl: frameContext === "sidePanel" ? "/meeting/side-panel" : "/meeting/stage",
      frameContext,
      token: await devToken(server, userKey),
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      meetingId: MEETING,
    },
    { width: 400, height: 880 },
  );
  return page;
}

const tab = (page: Page) => page.frameLocator("iframe#tab");

function seconds(countdown: string): number {
  const match = /(\+?)(\d+):(\d{2})/.exec(countdown);
  if (!match) return Number.NaN;
  const value = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -value : value;
}

async function expectInSync(pages: Page[], stepId: string): Promise<void> {
  for (const page of pages) await tab(page).locator(`[data-testid="huddle"][data-step="${stepId}"]`).waitFor({ timeout: 15_000 });
  // Sample all pages at (nearly) the same moment; a busy machine may need another try for that.
  let spread = Number.POSITIVE_INFINITY;
  let readings: (string | null)[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const started = performance.now();
    readings = await Promise.all(pages.map((page) => tab(page).locator('[data-testid="countdown"]').textContent()));
    if (performance.now() - started > 250) continue;
    const values = readings.map((reading) => seconds(reading ?? ""));
    spread = Math.max(...values) - Math.min(...values);
    break;
  }
  expect(spread, `countdowns ${readings.join(", ")}`).toBeLessThanOrEqual(1);
}

describe("a huddle seen from four Teams clients with skewed clocks", () => {
  it("shows the same prompt and time everywhere, catches up late joiners and dropped connections", async () => {
    const facilitator = await openMeetingView("fin", "sidePanel", 0);
    const participantA = await openMeetingView("mia", "sidePanel", -90_000);
    // B reaches the server over a network link the test can cut.
    const participantB = await openMeetingView("max", "sidePanel", 45_000, link.url);
    const stage = await openMeetingView("sky", "meetingStage", 0);
    const everyone = [facilitator, participantA, participantB, stage];

    await tab(facilitator).getByRole("button", { name: "Set up this huddle" }).click({ timeout: 15_000 });
    await tab(facilitator).getByRole("button", { name: "Start" }).click({ timeout: 15_000 });
    await expectInSync(everyone, "pulse");

    await tab(facilitator).getByRole("button", { name: "Share to stage" }).click();
    await expect
      .poll(() =>
        facilitator.evaluate(() => JSON.stringify((window as unknown as { hostState: { messages: unknown[] } }).hostState.messages)),
      )
      .toMatch(/meeting\.shareAppContentToStage.*\/meeting\/stage\?template=morning-huddle/);

    await tab(facilitator).getByRole("button", { name: "Next step" }).click();
    await expectInSync(everyone, "one-word");
    await tab(facilitator).getByRole("button", { name: "Pause" }).click();
    await tab(participantA).locator('[data-phase="paused"]').waitFor({ timeout: 15_000 });
    await tab(facilitator).getByRole("button", { name: "Resume" }).click();
    await tab(facilitator).getByRole("button", { name: "+1 minute" }).click();
    await tab(participantB)
      .locator('[data-testid="countdown"]', { hasText: /^[23]:/ })
      .waitFor({ timeout: 15_000 });
    await expectInSync(everyone, "one-word");

    const late = await openMeetingView("sam", "sidePanel", 30_000);
    await tab(late).locator('[data-testid="huddle"][data-step="one-word"]').waitFor({ timeout: 15_000 });
    await expectInSync([...everyone, late], "one-word");

    // B drops off, notices (its panel says it is reconnecting), and misses the next step entirely.
    link.cut();
    await tab(participantB).getByText("Connection lost. Reconnecting…").waitFor({ timeout: 15_000 });
    await tab(facilitator).getByRole("button", { name: "Next step" }).click();
    await tab(facilitator).locator('[data-testid="huddle"][data-step="blockers"]').waitFor({ timeout: 15_000 });
    expect(await tab(participantB).locator('[data-testid="huddle"]').getAttribute("data-step")).toBe("one-word");
    link.restore();
    await expectInSync([facilitator, participantB], "blockers");
    await tab(participantB).getByText("Connection lost. Reconnecting…").waitFor({ state: "detached", timeout: 15_000 });

    for (const page of [...everyone, late]) await page.close();
  }, 120_000);
});
