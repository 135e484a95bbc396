import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { HuddleService } from "./huddle-service.js";
import { isoWeek, ParticipationRecorder } from "./participation.js";

let directory: string;
let store: EmbeddedStore;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-participation-"));
  store = new EmbeddedStore({ directory });
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("pseudonymous participation", () => {
  it("computes ISO weeks", () => {
    expect(isoWeek(new Date("2026-11-23T10:00:00Z"))).toBe("2026-W48");
    expect(isoWeek(new Date("2027-01-01T10:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2024-12-30T10:00:00Z"))).toBe("2025-W01");
  });

  it("records one salted event per person per week when a huddle ends, never a name or id", async () => {
    const huddles = new HuddleService(store, () => Date.parse("2026-11-23T10:00:00Z"), new ParticipationRecorder(store));
    for (const meetingId of ["meeting-a", "meeting-b"]) {
      await huddles.create("tenant-p", meetingId, "morning-huddle", "facilitator");
      await huddles.act("tenant-p", meetingId, { type: "start", by: "facilitator" });
      // Alice and Bob are what the server saw connected; it is the only way anyone is counted.
      await huddles.act("tenant-p", meetingId, { type: "end", by: "facilitator" }, undefined, ["alice", "bob"]);
    }
    const events = await store.query<{ kind: string; person: string; week: string }>("audit", "tenant-p", {
      where: { kind: "participation" },
    });
    expect(events).toHaveLength(3);
    expect(events.every((event) => event.value.week === "2026-W48")).toBe(true);
    // Salted keys are random base64url, so match whole quoted values rather than substrings.
    expect(JSON.stringify(events)).not.toMatch(/"(alice|bob|facilitator)"/);
    expect(events.every((event) => (event.ttlSeconds ?? 0) > 300 * 86_400)).toBe(true);
  });

  it("gives the same person different keys in different tenants", async () => {
    const recorder = new ParticipationRecorder(store);
    const at = new Date("2026-11-23T10:00:00Z");
    await recorder.record("tenant-x", ["alice"], at, "huddle");
    await recorder.record("tenant-y", ["alice"], at, "huddle");
    const [x] = await store.query<{ person: string }>("audit", "tenant-x", { where: { kind: "participation" } });
    const [y] = await store.query<{ person: string }>("audit", "tenant-y", { where: { kind: "participation" } });
    expect(x?.value.person).toBeDefined();
    expect(x?.value.person).not.toBe(y?.value.person);
  });
});
