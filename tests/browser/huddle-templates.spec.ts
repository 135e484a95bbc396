import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

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

/** The tab outside Teams, signed in as one of the development sample users. */
async function openAs(user: string, path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  await page.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
  await page.goto(`${server.url}${path}`);
  return page;
}

describe("custom huddle templates in the tab", () => {
  it("lets a facilitator build a template, refusing bad input before it is sent, then run a huddle from it", async () => {
    const page = await openAs("fin", "/personal/templates");
    await page.getByTestId("templates-empty").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "New template" }).click();
    const save = page.getByRole("button", { name: "Save template" });
    expect(await save.isDisabled()).toBe(true);

    await page.getByRole("textbox", { name: "Name" }).fill("Ward handover");
    const firstStep = page.getByRole("region", { name: "Step 1" });
    await firstStep.getByRole("textbox", { name: "Title" }).fill("Arrive");
    await firstStep.getByRole("textbox", { name: /Prompt/ }).fill("How are you arriving today?");
    await firstStep.getByRole("spinbutton", { name: "Minutes" }).fill("0");
    await firstStep.getByRole("spinbutton", { name: "Seconds" }).fill("10");
    // Ten seconds is under the 15-second floor: Save stays off and the field says why.
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByTestId("template-problem").textContent()).toContain("steps.0.durationSeconds");
    await firstStep.getByRole("spinbutton", { name: "Seconds" }).fill("45");
    await firstStep.getByRole("checkbox", { name: /pulse/ }).check();

    await page.getByRole("button", { name: "Add step" }).click();
    const secondStep = page.getByRole("region", { name: "Step 2" });
    await secondStep.getByRole("textbox", { name: "Title" }).fill("Close");
    await secondStep.getByRole("textbox", { name: /Prompt/ }).fill("Thank you all. Talk privately is always there.");
    await secondStep.getByRole("textbox", { name: /Facilitator notes/ }).fill("Mention the EAP number.");
    expect(await save.isDisabled()).toBe(false);
    await save.click();

    await page.getByText("Template saved.").waitFor({ timeout: 15_000 });
    const row = page.getByTestId("template-row").filter({ hasText: "Ward handover" });
    expect(await row.textContent()).toContain("2 steps");

    // The side panel of a meeting offers the new template and runs it, notes for the facilitator only.
    const panel = await openAs("fin", "/meeting/side-panel?meeting=template-journey");
    await panel.getByTestId("template-picker").click({ timeout: 15_000 });
    await panel.getByRole("option", { name: "Ward handover" }).click();
    await panel.getByRole("button", { name: "Set up this huddle" }).click();
    await panel.getByRole("button", { name: "Start" }).click({ timeout: 15_000 });
    await panel.getByRole("button", { name: "Next step" }).click();
    await expect.poll(() => panel.getByTestId("step-title").textContent(), { timeout: 15_000 }).toBe("Close");
    expect(await panel.getByTestId("facilitator-notes").textContent()).toContain("Mention the EAP number.");

    const participant = await openAs("mia", "/meeting/side-panel?meeting=template-journey");
    await expect.poll(() => participant.getByTestId("step-title").textContent(), { timeout: 15_000 }).toBe("Close");
    expect(await participant.content()).not.toContain("Mention the EAP number.");
    await Promise.all([page.close(), panel.close(), participant.close()]);
  });

  it("asks before deleting, and a member can look but not edit", async () => {
    const member = await openAs("mia", "/personal/templates");
    await member.getByTestId("template-row").first().waitFor({ timeout: 15_000 });
    expect(await member.getByRole("button", { name: "New template" }).count()).toBe(0);
    expect(await member.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    await member.close();

    const page = await openAs("fin", "/personal/templates");
    await page.getByRole("button", { name: "Delete: Ward handover" }).click({ timeout: 15_000 });
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete template" }).click();
    await page.getByTestId("templates-empty").waitFor({ timeout: 15_000 });
    await page.close();
  });
});
