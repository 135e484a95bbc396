import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { CircleView } from "../../shared/circles/circle-programme.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

const TEAM_GROUP_ID = "0f3c9a2e-1b7d-4c55-9e0a-6d2b8f4a1c33";
let server: TestServer;
let browser: Browser;
let circle: CircleView;
let outsider: (typeof DEV_USERS)[number];

async function api(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await devToken(server, user)}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBeLessThan(300);
  return response.json() as Promise<unknown>;
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  browser = await launchChromium();
  const round = (await api("ada", "POST", "/api/circle-rounds", {
    name: "Ward circles",
    closesOn: "2030-01-01",
    startsOn: "2030-01-07",
    groupSize: { min: 2, max: 3 },
    cadence: "weekly",
    slots: [{ id: "mon", weekday: "MO", localTime: "12:00", durationMinutes: 30, timeZone: "Europe/London" }],
  })) as { id: string };
  for (const user of DEV_USERS)
    await api(user.key, "PUT", `/api/circle-rounds/${round.id}/sign-up`, { timeZone: "Europe/London", windows: ["mon"] });
  const { circles } = (await api("ada", "POST", `/api/circle-rounds/${round.id}/publish`, {})) as { circles: CircleView[] };
  circle = circles[0]!;
  outsider = DEV_USERS.find((user) => user.key !== "ada" && !circle.members.some((member) => member.userId === user.userId))!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openTeamTab(userKey: string, theme = "default", path = "/team/circles", frameContext = "content"): Promise<Frame> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  const user = DEV_USERS.find((candidate) => candidate.key === userKey)!;
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: path,
      frameContext,
      theme,
      token: await devToken(server, userKey),
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      teamGroupId: TEAM_GROUP_ID,
    },
    { width: 700, height: 900 },
  );
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector(`[data-theme="${theme}"] main`, { timeout: 15_000 });
  return frame;
}

describe("a team's circles in its channel tab", () => {
  it("offers the team's circles setting in a channel, not a huddle template", async () => {
    const frame = await openTeamTab("ada", "default", "/config", "settings");
    await frame.getByTestId("config-team-circles").waitFor({ timeout: 15_000 });
    expect(await frame.getByTestId("template-picker").count()).toBe(0);
    await frame.page().context().close();
  });

  it("lets an admin link a circle, a colleague ask to join, and the admin add them", async () => {
    const admin = await openTeamTab("ada");
    await admin.getByTestId("team-circles-empty").waitFor({ timeout: 15_000 });
    await admin.getByRole("combobox", { name: "Circle" }).click();
    await admin.getByRole("option", { name: circle.name }).click();
    await admin.getByRole("button", { name: "Link to this team" }).click();
    await admin.getByTestId("team-circle").first().waitFor({ timeout: 15_000 });
    await admin.page().context().close();
    // The tab sends the team's thread id, which the bot's roster of the team answers to, not its group id.
    const linked = (await api("ada", "GET", "/api/circles")) as { circles: CircleView[] };
    expect(linked.circles.find((item) => item.id === circle.id)?.teamKey).toBe("19:ward-4-general@thread.tacv2");

    const colleague = await openTeamTab(outsider.key);
    const card = colleague.getByTestId("team-circle").filter({ hasText: circle.name });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain(`${circle.members.length} members`);
    for (const member of circle.members) expect(await card.textContent()).not.toContain(member.displayName);
    await card.getByRole("button", { name: "Ask to join" }).click();
    await card.getByText("Request sent").waitFor({ timeout: 15_000 });
    await colleague.page().context().close();

    const programme = await openTeamTab("ada", "default", "/personal/programme");
    await programme.getByRole("button", { name: `Add ${outsider.displayName}` }).click({ timeout: 15_000 });
    await programme.getByTestId("join-requests").waitFor({ state: "detached", timeout: 15_000 });
    await programme.page().context().close();

    const member = await openTeamTab(outsider.key);
    await member.getByText("You are in this circle.").waitFor({ timeout: 15_000 });
    await member.page().context().close();
  });

  it("lets an admin rename a circle, set its Teams link and take someone out, checking the link first", async () => {
    const programme = await openTeamTab("ada", "default", "/personal/programme");
    await programme.getByRole("button", { name: `Edit ${circle.name}` }).click({ timeout: 15_000 });
    const form = programme.getByRole("form", { name: `Edit ${circle.name}` });
    await form.getByRole("textbox", { name: "Circle name" }).fill("Night shift circle");
    await form.getByRole("textbox", { name: "Teams meeting link" }).fill("http://not-teams.example");
    expect(await form.getByRole("button", { name: "Save circle" }).isDisabled()).toBe(true);
    await form.getByRole("textbox", { name: "Teams meeting link" }).fill("https://teams.microsoft.com/l/meetup-join/night");
    const leaving = circle.members.find((member) => member.userId !== outsider.userId)!;
    await form.getByRole("checkbox", { name: leaving.displayName }).check();
    expect(await axeViolations(programme)).toEqual([]);
    await form.getByRole("button", { name: "Save circle" }).click();
    await programme.getByText("Circle saved.").waitFor({ timeout: 15_000 });
    const { circles } = (await api("ada", "GET", "/api/circles")) as { circles: CircleView[] };
    const saved = circles.find((item) => item.id === circle.id)!;
    expect(saved).toMatchObject({ name: "Night shift circle", joinUrl: "https://teams.microsoft.com/l/meetup-join/night" });
    expect(saved.members.map((member) => member.userId)).not.toContain(leaving.userId);
    await programme.page().context().close();
  });

  it("lets a member offer to facilitate the next session from Home", async () => {
    const home = await openTeamTab(outsider.key, "default", "/personal/home");
    const card = home.getByRole("region", { name: /Night shift circle|Ward circles/ }).first();
    await card.getByRole("button", { name: "I'll facilitate the next session" }).click({ timeout: 15_000 });
    await expect.poll(() => card.getByTestId("next-facilitator").textContent(), { timeout: 15_000 }).toMatch(/you/i);
    expect(await card.getByRole("button", { name: "I'll facilitate the next session" }).count()).toBe(0);
    await home.page().context().close();
  });

  for (const theme of ["default", "dark", "contrast"]) {
    it(`has no axe violations in the ${theme} theme`, async () => {
      const frame = await openTeamTab("ada", theme);
      await frame.getByTestId("team-circle").first().waitFor({ timeout: 15_000 });
      expect(await axeViolations(frame)).toEqual([]);
      await frame.page().context().close();
    });
  }
});
