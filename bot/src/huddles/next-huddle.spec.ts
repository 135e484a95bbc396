import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HUDDLE_ABANDONED_AFTER_MS } from "../../../shared/index.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { HuddleService } from "./huddle-service.js";
import { opaqueKey, type HuddleSession } from "./huddle-wire.js";

/**
 * Issue #17, journey 5: a meeting's next huddle. A second huddle follows one that ended, and
 * tomorrow's stand-up in a recurring meeting (same meeting id) replaces yesterday's, left running.
 */
let directory: string;
let store: EmbeddedStore;
let now = Date.parse("2026-12-04T08:00:00Z");
let huddles: HuddleService;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-next-huddle-"));
  store = new EmbeddedStore({ directory });
  huddles = new HuddleService(store, () => now);
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("the meeting's next huddle", () => {
  it("follows an ended huddle at once, as a new session", async () => {
    const first = await huddles.create("tenant-n", "meeting-ended", "morning-huddle", "fin");
    await huddles.act("tenant-n", "meeting-ended", { type: "start", by: "fin" });
    await huddles.act("tenant-n", "meeting-ended", { type: "end", by: "fin" });
    const second = await huddles.create("tenant-n", "meeting-ended", "morning-huddle", "fin");
    expect(second.ok && second.value.session.clock.phase).toBe("ready");
    expect(first.ok && second.ok && first.value.session.instance !== second.value.session.instance).toBe(true);
  });

  it("refuses while one runs, and replaces it once it has been left idle for hours", async () => {
    await huddles.create("tenant-n", "recurring", "morning-huddle", "fin");
    await huddles.act("tenant-n", "recurring", { type: "start", by: "fin" });
    now += 60_000;
    await huddles.act("tenant-n", "recurring", { type: "next", by: "fin" });
    now += HUDDLE_ABANDONED_AFTER_MS - 1;
    expect(await huddles.create("tenant-n", "recurring", "morning-huddle", "sky")).toEqual({ ok: false, refusal: "already_running" });
    // The next morning: yesterday's was never ended.
    now += 24 * 3_600_000;
    const today = await huddles.create("tenant-n", "recurring", "morning-huddle", "sky");
    expect(today.ok && today.value.session.clock).toMatchObject({ phase: "ready", stepIndex: 0, completed: [] });
  });

  it("names a round's speakers by opaque key from the names Teams gives, and only its speakers", async () => {
    const names: Record<string, string> = { fin: "Fin F", mia: "Mia M", max: "Max M" };
    const created = await huddles.create("tenant-n", "named", "morning-huddle", "fin");
    await huddles.act("tenant-n", "named", { type: "start", by: "fin" }, undefined, ["fin", "mia", "max"]);
    // Someone Teams gives no name for stays unnamed; the panel counts them instead.
    const nameOf = async (userId: string) => (userId === "max" ? undefined : names[userId]);
    const round = await huddles.act("tenant-n", "named", { type: "next", by: "fin" }, undefined, ["fin", "mia", "max"], nameOf);
    if (!round.ok || !created.ok) throw new Error("no round");
    const { speakers } = round.value.session.clock;
    expect(speakers).toHaveLength(3);
    const stored = (await store.query("huddles", "tenant-n", { where: { kind: "huddle" } }))
      .map((document) => document.value as unknown as HuddleSession)
      .find((session) => speakers.includes(opaqueKey(session, "mia")))!;
    expect(round.value.session.speakerNames).toEqual({ [opaqueKey(stored, "fin")]: "Fin F", [opaqueKey(stored, "mia")]: "Mia M" });
    // Erasure takes the person's name out of the round with them.
    await huddles.forget("tenant-n", "mia");
    const erased = await huddles.read("tenant-n", "named");
    expect(erased?.session.speakerNames).toEqual({ [opaqueKey(stored, "fin")]: "Fin F" });
    // Leaving the round's step leaves its names behind too.
    const after = await huddles.act("tenant-n", "named", { type: "next", by: "fin" }, undefined, ["fin", "mia", "max"], nameOf);
    expect(after.ok && after.value.session.speakerNames).toBeUndefined();
    expect(JSON.stringify(after.ok && after.value)).not.toMatch(/"(fin|mia|max)"/);
  });
});
