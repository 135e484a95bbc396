import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { freePort, PROJECT_ROOT, waitForHttp } from "../support/server-process.js";

const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-start-"));
let npmStart: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  if (npmStart && npmStart.exitCode === null && npmStart.signalCode === null) {
    try {
      process.kill(-npmStart.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Processes whose command line mentions one of these strings: what `npm start` left behind. */
function processesMentioning(...needles: string[]): string[] {
  const table = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return table
    .split("\n")
    .filter((line) => needles.some((needle) => line.includes(needle)))
    .filter((line) => !line.includes("ps -eo"));
}

describe("npm start", () => {
  it("serves the app, runs the Agents Playground against the bot, and stops cleanly on Ctrl-C", async () => {
    const [port, playgroundPort] = [await freePort(), await freePort()];
    let output = "";
    // A process group of its own, as a terminal gives it, so Ctrl-C can be sent the same way.
    npmStart = spawn("npm", ["start"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: String(port), PLAYGROUND_PORT: String(playgroundPort), DATA_DIR: dataDir, LOG_LEVEL: "debug" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    npmStart.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    npmStart.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npmStart!.once("exit", (code, signal) => resolve({ code, signal })),
    );

    const healthMs = await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000);
    expect(healthMs).toBeLessThan(30_000);
    await waitForHttp(`http://127.0.0.1:${playgroundPort}/`, 30_000);
    await expect.poll(() => output, { timeout: 30_000 }).toContain("Agents Playground:");
    expect(output).toContain(`http://localhost:${port}/personal/home`);
    // The meeting surfaces' links open the demo meeting every sample user is in.
    expect(output).toContain(`http://localhost:${port}/meeting/side-panel?meeting=demo`);
    expect(output).toContain(`http://localhost:${port}/meeting/stage?meeting=demo`);

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`http://localhost:${playgroundPort}/`, { waitUntil: "domcontentloaded" });
    await page.getByText("Connected.", { exact: true }).waitFor({ timeout: 30_000 });
    // The Playground installs the bot as Teams does; its welcome carries the emergency block itself.
    const welcome = page.locator(".ac-adaptiveCard", { hasText: "Who sees what" }).first();
    await welcome.waitFor({ timeout: 20_000 });
    expect(await page.locator(".ac-adaptiveCard", { hasText: "If you are in danger" }).count()).toBeGreaterThan(0);
    // The chat composer, not a card's own text field (crisis replies carry one for writing to a supporter).
    const box = page.locator('[data-lexical-editor="true"]');
    await box.click();
    await page.keyboard.type("help");
    await page.getByRole("button", { name: "Send Message" }).click();
    const card = page.locator(".ac-adaptiveCard", { hasText: "Who sees what" });
    await card.first().waitFor({ timeout: 20_000 });
    expect(await card.first().textContent()).toContain("not an emergency service");

    const cards = page.locator(".ac-adaptiveCard");
    const send = async (text: string) => {
      await box.click();
      await page.keyboard.type(text);
      await page.getByRole("button", { name: "Send Message" }).click();
    };

    // Personal chat: ask for help through the form and get a reference code back.
    await send("talk to someone");
    const form = page
      .locator(".ac-adaptiveCard")
      .filter({ has: page.locator("textarea") })
      .last();
    await form.waitFor({ timeout: 20_000 });
    await form.locator("textarea").fill("Too many late nights on the release");
    await form.getByRole("button", { name: "Send request" }).click();
    const confirmation = page.locator(".ac-adaptiveCard", { hasText: "Reference: PC-" }).last();
    await confirmation.waitFor({ timeout: 20_000 });
    const referenceCode = /PC-[2-9A-Z]{6}/.exec((await confirmation.textContent()) ?? "")?.[0];
    expect(referenceCode, (await confirmation.textContent()) ?? "").toBeDefined();

    // Journey 8: the Playground is the sample tenant with Mia typing, so her request is in the tab's
    // Queue for Sam, a sample supporter, and in Mia's own My requests.
    for (const [user, path] of [
      ["sam", "/personal/queue"],
      ["mia", "/personal/requests"],
    ] as const) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.addInitScript((key) => sessionStorage.setItem("peer-circles.dev-user", key), user);
      await tab.goto(`http://127.0.0.1:${port}${path}`);
      await tab.locator(`tr[data-code="${referenceCode}"]`).waitFor({ timeout: 20_000 });
      await tab.close();
    }

    await send("my requests");
    // The help card also says "your requests", so wait for the card that lists this reference.
    await page
      .locator(".ac-adaptiveCard", { hasText: /^Your requests/ })
      .filter({ hasText: referenceCode! })
      .last()
      .waitFor({ timeout: 20_000 });

    // Crisis language: the emergency block is the very first reply.
    const before = await cards.count();
    await send("I can't see a way out");
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(before + 2);
    expect(await cards.nth(before).textContent()).toContain("If you are in danger");
    expect(await cards.nth(before + 1).textContent()).toMatch(/supporter/i);

    // Five crisis phrasings of different kinds (safety, means, finality, danger from someone, a
    // euphemism), none of them written in the screen's lexicon or frames: each gets the emergency
    // block as its first reply.
    const unseenCrisis = [
      "honestly i can't keep myself safe tonight",
      "i've got a month of my sleeping tablets lined up on the desk",
      "this is my last message, thank you all for everything x",
      "my ex said he'll come round tonight and finish me off",
      "thinking of unaliving myself after the shift",
    ];
    for (const phrasing of unseenCrisis) {
      const start = await cards.count();
      await send(phrasing);
      await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(start + 1);
      expect(await cards.nth(start).textContent(), phrasing).toContain("If you are in danger");
    }

    // Group chat: only the pointer to a private chat.
    await page.getByText("Group Chat", { exact: true }).click();
    await expect.poll(() => page.locator(".ac-adaptiveCard", { hasText: "Reference: PC-" }).count(), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(1000);
    const groupBefore = await cards.count();
    // In a group chat the bot only hears messages that @mention it, as in Teams.
    await box.click();
    await page.keyboard.type("@");
    await page.getByRole("menuitem", { name: /Peer Circles/ }).click();
    await page.keyboard.type(" I am struggling with my workload");
    await page.getByRole("button", { name: "Send Message" }).click();
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(groupBefore);
    await page.waitForTimeout(500);
    const groupReplies = await cards.evaluateAll(
      (elements, start) => elements.slice(start).map((element) => element.textContent ?? ""),
      groupBefore,
    );
    expect(groupReplies).toHaveLength(1);
    expect(groupReplies[0]).toContain("one-to-one chat");

    // Crisis words in the group chat: the group sees the very same pointer, and the writer gets the
    // emergency block in their personal chat with the bot.
    const groupCrisis = "I want to end my life tonight";
    const crisisBefore = await cards.count();
    await box.click();
    await page.keyboard.type("@");
    await page.getByRole("menuitem", { name: /Peer Circles/ }).click();
    await page.keyboard.type(` ${groupCrisis}`);
    await page.getByRole("button", { name: "Send Message" }).click();
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(crisisBefore);
    await page.waitForTimeout(500);
    const crisisReplies = await cards.evaluateAll(
      (elements, start) => elements.slice(start).map((element) => element.textContent ?? ""),
      crisisBefore,
    );
    expect(crisisReplies).toEqual(groupReplies);
    expect(crisisReplies.join(" ")).not.toMatch(/danger|end my life|tonight/i);
    await page.getByText("Personal Chat", { exact: true }).click();
    const privately = page.locator(".ac-adaptiveCard", { hasText: "You mentioned me in a shared chat" });
    await privately.last().waitFor({ timeout: 20_000 });
    const privateText = (await privately.last().textContent()) ?? "";
    expect(privateText.startsWith("If you are in danger")).toBe(true);
    expect(privateText).not.toContain(groupCrisis);

    await page.screenshot({ path: join(dataDir, "playground.png") });
    // The server's JSON lines reach the terminal readable: a time, a level and the message.
    const serverLines = output.split("\n").filter((line) => line.startsWith("[server] "));
    expect(serverLines.length).toBeGreaterThan(0);
    expect(serverLines.filter((line) => line.startsWith("[server] {"))).toEqual([]);
    expect(serverLines.some((line) => /^\[server\] \[\d\d:\d\d:\d\d\] (INFO|DEBUG)/.test(line))).toBe(true);
    // Every log line the server wrote, at debug level, is free of what people typed.
    for (const typed of ["Too many late nights", "see a way out", "struggling with my workload", groupCrisis, ...unseenCrisis])
      expect(output).not.toContain(typed);

    process.kill(-npmStart.pid!, "SIGINT");
    // npm re-raises the signal its script got, as it does at a terminal; the script itself exits 0.
    const { code, signal } = await exited;
    expect(code === 0 || signal === "SIGINT").toBe(true);
    await expect.poll(() => processesMentioning(dataDir, `-p ${playgroundPort}`), { timeout: 10_000 }).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 150_000);
});
