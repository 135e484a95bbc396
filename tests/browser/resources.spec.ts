import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { axeViolations } from "../support/axe.js";
import { launchChromium } from "../support/chromium.js";
import { openFakeTeamsHost } from "../support/fake-teams-host.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

const MEETING = "MCMxOTptZWV0aW5nX3Jlc291cmNlc0B0aHJlYWQudjI=";
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

interface Surface {
  path: string;
  frameContext?: string;
  user?: string;
  locale?: string;
  theme?: string;
  width?: number;
  /** Runs in every frame before the tab's own scripts. */
  initScript?: () => void;
}

/** The tab inside the fake Teams host, as Teams would load it; the context is closed by the caller. */
async function openTab(surface: Surface): Promise<{ context: BrowserContext; frame: Frame }> {
  // axe is injected as a script, which the tab's own CSP rightly forbids; only the test lifts it.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: (surface.width ?? 900) + 40, height: 1000 } });
  if (surface.initScript) await context.addInitScript(surface.initScript);
  const page = await context.newPage();
  const user = DEV_USERS.find((candidate) => candidate.key === (surface.user ?? "mia"))!;
  await openFakeTeamsHost(
    page,
    server.url,
    {
      tabUrl: surface.path,
      frameContext: surface.frameContext ?? "content",
      theme: surface.theme ?? "default",
      locale: surface.locale ?? "en-gb",
      token: await devToken(server, user.key),
      tenantId: DEV_TENANT_ID,
      userId: user.userId,
      ...(surface.frameContext === "sidePanel" || surface.frameContext === "meetingStage" ? { meetingId: MEETING } : {}),
    },
    { width: surface.width ?? 900, height: 960 },
  );
  const frame = (await (await page.waitForSelector("iframe#tab")).contentFrame())!;
  await frame.waitForSelector(`[data-theme="${surface.theme ?? "default"}"] main`, { timeout: 15_000 });
  return { context, frame };
}

const crisisLineNames = (frame: Frame) =>
  frame.$$eval('[data-testid="crisis-line"]', (items) => items.map((item) => item.querySelector("span")?.textContent ?? ""));
const resourceTitles = (frame: Frame) =>
  frame.$$eval('[data-testid="resource-row"] h3', (items) => items.map((item) => item.textContent ?? ""));

async function openResources(surface: Omit<Surface, "path"> = {}) {
  const opened = await openTab({ path: "/personal/resources", ...surface });
  await opened.frame.waitForSelector('[data-testid="resource-row"]', { timeout: 15_000 });
  return opened;
}

describe("resources in the tab", () => {
  it("shows a member in Germany the German crisis line first, and lets them choose another country", async () => {
    const { context, frame } = await openResources({ locale: "de-DE" });
    expect((await crisisLineNames(frame)).slice(0, 2)).toEqual(["TelefonSeelsorge", "Find a Helpline (international directory)"]);
    expect(await frame.getByTestId("crisis-lines").getByRole("link", { name: "0800 111 0 111 anrufen" }).getAttribute("href")).toBe(
      "tel:08001110111",
    );
    // The always-present block agrees, without waiting for the catalogue.
    expect(await frame.getByTestId("emergency-top-line").textContent()).toContain("TelefonSeelsorge");

    await frame.getByTestId("crisis-country").selectOption("GB");
    expect((await crisisLineNames(frame))[0]).toBe("Samaritans");
    await frame.getByTestId("crisis-country").selectOption("");
    expect((await crisisLineNames(frame))[0]).toBe("Find a Helpline (international directory)");

    // Members read; only admins edit.
    expect(await frame.getByRole("button", { name: "Hilfsangebot hinzufügen" }).count()).toBe(0);
    expect(await frame.getByRole("button", { name: /^Bearbeiten/ }).count()).toBe(0);
    await context.close();
  });

  it('finds "Box breathing" from "breathng", and narrows by category', async () => {
    const { context, frame } = await openResources();
    const search = frame.getByRole("searchbox", { name: "Search resources" });
    await search.fill("breathng");
    await expect.poll(() => resourceTitles(frame)).toEqual(expect.arrayContaining(["Box breathing"]));
    expect((await resourceTitles(frame))[0]).toBe("Box breathing");
    expect(await frame.getByTestId("resource-count").textContent()).toMatch(/^\d+ of \d+ resources$/);

    await frame.getByRole("group", { name: "Categories" }).getByRole("button", { name: "Crisis lines" }).click();
    await expect
      .poll(() => frame.getByTestId("resource-count").textContent())
      .toBe("No resources match. Try fewer words or another category.");
    await search.fill("");
    const crisisOnly = await resourceTitles(frame);
    expect(crisisOnly).toContain("Samaritans");
    expect(crisisOnly).not.toContain("Box breathing");
    expect(await frame.getByRole("button", { name: "Crisis lines" }).getAttribute("aria-pressed")).toBe("true");
    await frame.getByRole("button", { name: "All", exact: true }).click();
    expect((await resourceTitles(frame)).length).toBeGreaterThan(crisisOnly.length);

    // A guide opens in place, from the keyboard too.
    const summary = frame.getByText("Read: Box breathing");
    await summary.focus();
    await summary.press("Enter");
    await frame.getByText("Breathe in through your nose for a count of four.", { exact: false }).waitFor();
    await context.close();
  });

  it("offers call, open and copy, and says what to do when the host does not allow copying", async () => {
    const { context, frame } = await openResources({
      initScript: () => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }),
    });
    const samaritans = frame.getByTestId("resource-row").filter({ hasText: "Samaritans" });
    expect(await samaritans.getByRole("link", { name: "Call 116 123" }).getAttribute("href")).toBe("tel:116123");
    const open = samaritans.getByRole("link", { name: "Open samaritans.org" });
    expect(await open.getAttribute("href")).toBe("https://www.samaritans.org");
    expect(await open.getAttribute("target")).toBe("_blank");
    await samaritans.getByRole("button", { name: "Copy 116 123" }).click();
    expect(await samaritans.getByRole("status").textContent()).toBe("Copying is not allowed here. Select the text to copy it: 116 123");
    await context.close();
  });

  it("fits a 320-pixel-wide frame without sideways scrolling", async () => {
    const { context, frame } = await openResources({ width: 320 });
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("lets an admin adapt a default, add a resource and delete it, and catches a stale edit", async () => {
    const { context, frame } = await openResources({ user: "ada" });
    const samaritans = frame.getByTestId("resource-row").filter({ hasText: "Samaritans" });
    expect(await samaritans.getByTestId("check-and-adapt").count()).toBe(1);
    await frame.getByRole("button", { name: "Edit: Samaritans" }).click();
    const description = frame.getByRole("textbox", { name: /Short description/ });
    await description.waitFor({ timeout: 15_000 });
    await description.fill("Free, confidential listening, any time. Checked by our programme team.");
    await frame.getByRole("button", { name: "Save resource" }).click();
    await frame.getByText("Resource saved.").waitFor({ timeout: 15_000 });
    await expect.poll(() => samaritans.textContent()).toContain("Checked by our programme team.");
    expect(await samaritans.getByTestId("check-and-adapt").count()).toBe(0);

    await frame.getByRole("button", { name: "Add a resource" }).click();
    const save = frame.getByRole("button", { name: "Save resource" });
    await frame.getByRole("textbox", { name: /^Title/ }).fill("Contoso EAP");
    expect(await save.isDisabled()).toBe(true);
    await frame.getByRole("textbox", { name: /Short description/ }).fill("Free counselling for staff and family.");
    const contact = frame.getByRole("textbox", { name: "Number or address" });
    await contact.fill("0800 EAP");
    expect(await save.isDisabled()).toBe(true);
    expect(await frame.getByTestId("resource-problem").textContent()).toContain("contacts.0.value");
    await contact.fill("+44 800 123 4567");
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await frame.getByText("Resource saved.").waitFor({ timeout: 15_000 });
    const added = frame.getByTestId("resource-row").filter({ hasText: "Contoso EAP" });
    expect(await added.getByRole("link", { name: "Call +44 800 123 4567" }).getAttribute("href")).toBe("tel:+448001234567");

    // Someone else adapts Box breathing while this admin is editing it.
    await frame.getByRole("button", { name: "Edit: Box breathing" }).click();
    await frame.getByRole("textbox", { name: /Short description/ }).fill("My version.");
    const theirs = await fetch(`${server.url}/api/resources/default-box-breathing`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${await devToken(server, "ada")}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        version: "default",
        resource: { title: "Box breathing", description: "Their version.", category: "coping_technique", tags: ["breathing"] },
      }),
    });
    expect(theirs.status).toBe(200);
    await frame.getByRole("button", { name: "Save resource" }).click();
    await frame.getByTestId("resource-conflict").waitFor({ timeout: 15_000 });
    // Nothing typed is lost until the admin chooses.
    expect(await frame.getByRole("textbox", { name: /Short description/ }).inputValue()).toBe("My version.");
    await frame.getByRole("button", { name: "Discard mine and load their version" }).click();
    await expect.poll(() => frame.getByRole("textbox", { name: /Short description/ }).inputValue()).toBe("Their version.");
    await frame.getByRole("button", { name: "Cancel" }).click();

    await frame.getByRole("button", { name: "Delete: Contoso EAP" }).click();
    await frame.getByRole("alertdialog").getByRole("button", { name: "Delete resource" }).click();
    await frame.getByText("Resource deleted.").waitFor({ timeout: 15_000 });
    await expect.poll(() => resourceTitles(frame)).not.toContain("Contoso EAP");
    await context.close();
  });
});

describe("the emergency block is at most one click away", () => {
  // The stage, read across a room, has the block's compact form: one line, the same links.
  const SURFACES: [string, string, string, string, string][] = [
    ["the personal tab", "/personal/home", "content", '[data-testid="home-tools"]', "emergency-block"],
    ["the meeting side panel", "/meeting/side-panel", "sidePanel", "#side-panel-title", "emergency-block"],
    ["the meeting stage", "/meeting/stage", "meetingStage", "#stage-title", "emergency-link"],
  ];

  it.each(SURFACES)(
    "on %s: a crisis line is shown, and every line is one click further",
    async (_name, path, frameContext, ready, blockId) => {
      const { context, frame } = await openTab({ path, frameContext, locale: "en-GB" });
      await frame.waitForSelector(ready, { timeout: 15_000 });
      const block = frame.getByTestId(blockId);
      expect(await block.isVisible()).toBe(true);
      expect(await block.getByRole("link", { name: "Call 116 123" }).getAttribute("href")).toBe("tel:116123");
      await block.getByRole("link", { name: "See all crisis lines" }).click();
      await frame.waitForSelector('[data-testid="crisis-line"]', { timeout: 15_000 });
      expect(new URL(frame.url()).hash).toBe("#emergency");
      expect((await crisisLineNames(frame))[0]).toBe("Samaritans");
      // The crisis lines are where the link lands: their heading has the focus.
      expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe(
        "If you are in danger or thinking about ending your life",
      );
      await context.close();
    },
  );

  it("works from the keyboard too", async () => {
    const { context, frame } = await openTab({ path: "/meeting/side-panel", frameContext: "sidePanel", locale: "en-US" });
    const link = frame.getByTestId("emergency-block").getByRole("link", { name: "See all crisis lines" });
    await link.focus();
    await link.press("Enter");
    await frame.waitForSelector('[data-testid="crisis-line"]', { timeout: 15_000 });
    expect((await crisisLineNames(frame))[0]).toBe("988 Suicide & Crisis Lifeline");
    await context.close();
  });
});

describe("accessibility of resources (axe-core, WCAG 2.1 A and AA)", () => {
  const PAGES: [string, string, string?][] = [
    ["resources (member, de-DE)", "mia"],
    ["resources (admin)", "ada"],
    ["resource editor", "ada", "Add a resource"],
  ];
  for (const theme of ["default", "dark", "contrast"]) {
    it.each(PAGES)(`%s in the ${theme} theme has no violations`, async (name, user, press) => {
      const { context, frame } = await openResources({ user, theme, ...(name.includes("de-DE") ? { locale: "de-DE" } : {}) });
      if (press) {
        await frame.getByRole("button", { name: press }).click();
        await frame.waitForSelector('[data-testid="resource-editor"]', { timeout: 15_000 });
      }
      expect(await axeViolations(frame)).toEqual([]);
      await context.close();
    });
  }
});
