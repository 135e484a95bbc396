import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const HOST_SCRIPT = readFileSync(new URL("../browser/teams-host/fake-teams-host.js", import.meta.url), "utf8");
const HOST_PATH = "/__fake-teams-host.html";

export interface FakeHostConfig {
  tabUrl: string;
  frameContext: string;
  token: string;
  tenantId: string;
  userId: string;
  theme?: string;
  /** The Teams client's language and region, e.g. "de-DE"; the host says "en-gb" when absent. */
  locale?: string;
  meetingId?: string;
  /** The team's group id, when the tab is in a team channel. */
  teamGroupId?: string;
  /** Holds back the answer to teams-js's `initialize` this long, like a slow Teams client. */
  initializeDelayMs?: number;
  /** Turns on Teams' people picker, which then returns this person. */
  pickablePerson?: { objectId: string; displayName: string; email: string };
}

/**
 * Loads the fake Teams host on the server's own origin (served by the browser, not by the app)
 * with the tab in an iframe, so teams-js accepts the host's replies exactly as it would from Teams.
 */
export async function openFakeTeamsHost(
  page: Page,
  serverUrl: string,
  config: FakeHostConfig,
  frameSize = { width: 900, height: 700 },
): Promise<void> {
  // teams-js asks a CDN for its list of valid domains; this machine has no network.
  await page.route(/res\.cdn\.office\.net/, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"validOrigins":[]}' }),
  );
  await page.route(`${serverUrl}${HOST_PATH}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><body style="margin:0"><iframe id="tab" title="Peer Circles" style="width:${frameSize.width}px;height:${frameSize.height}px;border:0"></iframe><script>window.hostConfig=${JSON.stringify(config)};</script><script>${HOST_SCRIPT}</script></body></html>`,
    }),
  );
  await page.goto(`${serverUrl}${HOST_PATH}`);
}
