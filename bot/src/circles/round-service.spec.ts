import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenRoundInput } from "../../../shared/circles/circle-programme.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { RoundService } from "./round-service.js";

const TENANT = "tenant-a";
const ROUND: OpenRoundInput = {
  name: "Pairs",
  closesOn: "2026-12-01",
  startsOn: "2026-12-07",
  groupSize: { min: 2, max: 2 },
  cadence: "weekly",
  slots: [
    { id: "a", weekday: "MO", localTime: "09:00", durationMinutes: 30, timeZone: "Europe/London" },
    { id: "b", weekday: "TU", localTime: "09:00", durationMinutes: 30, timeZone: "Europe/London" },
  ],
};

let directory: string;
let store: EmbeddedStore;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "rounds-"));
  store = new EmbeddedStore({ directory });
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

const answer = (windows: string[], avoid: string[] = [], managerId?: string) => ({
  timeZone: "Europe/London",
  windows,
  interests: [],
  avoid,
  ...(managerId ? { managerId } : {}),
});

describe("round service", () => {
  // Only slot "a" suits Mia and Max, so without her avoid entry they would be paired for certain.
  async function pairsWith(avoidEntry: string | undefined, asManager = false) {
    const rounds = new RoundService(store, () => new Date("2026-11-20T09:00:00Z"));
    const round = await rounds.open(TENANT, ROUND, "admin");
    const people = [
      { userId: "mia", displayName: "Mia", signInName: "mia@contoso.example", windows: ["a"] },
      { userId: "max", displayName: "Max", signInName: "max@contoso.example", windows: ["a"] },
      { userId: "ada", displayName: "Ada", signInName: "ada@contoso.example", windows: ["b"] },
      { userId: "fin", displayName: "Fin", signInName: "fin@contoso.example", windows: ["b"] },
    ];
    for (const { windows, ...person } of people) {
      const avoid = person.userId === "mia" && avoidEntry && !asManager ? [avoidEntry] : [];
      const manager = person.userId === "mia" && avoidEntry && asManager ? avoidEntry : undefined;
      expect((await rounds.signUp(TENANT, round.id, person, answer(windows, avoid, manager))).ok).toBe(true);
    }
    const preview = await rounds.preview(TENANT, round.id);
    if (!preview.ok) throw new Error(preview.refusal);
    return preview.value;
  }

  it("pairs people who share the only slot they can make", async () => {
    const preview = await pairsWith(undefined);
    expect(preview.groups.map((group) => [...group.memberIds].sort())).toContainEqual(["max", "mia"]);
  });

  it.each([
    ["an object id", "max", false],
    ["an email, in any case", "Max@Contoso.Example", false],
    ["a manager named by email", "max@contoso.example", true],
  ])("keeps apart someone named by %s, saying who could not be placed", async (_label, entry, asManager) => {
    const preview = await pairsWith(entry, asManager);
    for (const group of preview.groups) expect(group.memberIds.includes("mia") && group.memberIds.includes("max")).toBe(false);
    expect(preview.unplaced.map((person) => person.userId).sort()).toEqual(expect.arrayContaining(["mia"]));
  });
});
