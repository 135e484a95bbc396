import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParticipationRecorder } from "../huddles/participation.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { applyDelta, emptyWeek, WeekAggregates, withoutPerson } from "./week-aggregate.js";
import { propertyRuns } from "../../../tests/support/property-runs.js";

let directory: string;
let store: EmbeddedStore;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-week-aggregate-"));
  store = new EmbeddedStore({ directory });
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

const session = (people: string[], pulses: Record<string, number>[] = []) => ({
  newParticipants: 0,
  session: { touchpoint: "huddle" as const, people, pulses },
});

describe("week aggregates", () => {
  it("counts a touchpoint's distinct people up to five, then forgets who they were", () => {
    let week = applyDelta(emptyWeek("2026-W10"), session(["a", "b", "c"]));
    week = applyDelta(week, session(["a", "b", "c"]));
    expect(week.sessions.huddle).toBe(2);
    expect(week.sessionPeople.huddle).toBe(3);
    expect(week.seen.huddle).toEqual(["a", "b", "c"]);
    week = applyDelta(week, session(["c", "d", "e", "f"]));
    expect(week.sessionPeople.huddle).toBe(5);
    expect(week.seen.huddle).toEqual([]);
    week = applyDelta(week, session(["g"], [{ 1: 0, 2: 1, 3: 4, 4: 0, 5: 2 }]));
    expect(week.sessionPeople.huddle).toBe(5);
    expect(week.seen.huddle).toEqual([]);
    expect(week.pulse).toEqual({ 1: 0, 2: 1, 3: 4, 4: 0, 5: 2 });
    expect(week.sessionPeople.circle).toBe(0);
  });

  it("forgets an erased person: below five they are counted out exactly, at five nothing is left to forget", () => {
    const people = fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6", "p7");
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(people, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), people, (sessions, erased) => {
        const fold = (lists: string[][]) => lists.reduce((week, list) => applyDelta(week, session(list)), emptyWeek("2026-W12"));
        const before = fold(sessions);
        const after = withoutPerson(before, erased);
        const asIfNeverThere = fold(sessions.map((list) => list.filter((person) => person !== erased)));
        expect(after.seen.huddle).not.toContain(erased);
        expect(after.sessions).toEqual(before.sessions);
        if (before.sessionPeople.huddle < 5) expect(after.sessionPeople.huddle).toBe(asIfNeverThere.sessionPeople.huddle);
        else expect(after).toEqual(before);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it("loses no session when many huddles end at the same moment", async () => {
    const weeks = new WeekAggregates(store);
    await Promise.all(Array.from({ length: 30 }, (_, index) => weeks.update("tenant-race", "2026-W11", session([`p${index}`]))));
    const [week] = await weeks.read("tenant-race", ["2026-W11"]);
    expect(week!.sessions.huddle).toBe(30);
    expect(week!.sessionPeople.huddle).toBe(5);
  });

  it("is kept up to date by the recorder: a person counts once a week, however many sessions they join", async () => {
    const recorder = new ParticipationRecorder(store);
    const at = new Date("2026-03-10T09:00:00Z");
    await recorder.recordSession("tenant-r", { userIds: ["ann", "bo", "cy"], at, touchpoint: "circle", pulses: [] });
    await recorder.recordSession("tenant-r", {
      userIds: ["ann", "dee"],
      at,
      touchpoint: "huddle",
      pulses: [{ 1: 1, 2: 0, 3: 2, 4: 0, 5: 0 }],
    });
    const [week, empty] = await new WeekAggregates(store).read("tenant-r", ["2026-W11", "2026-W12"]);
    expect(week).toMatchObject({ participants: 4, sessions: { circle: 1, huddle: 1, buddy: 0 }, pulse: { 1: 1, 3: 2 } });
    // Pseudonyms are random base64url, so a substring check could hit "bo" by chance; compare whole values.
    const rememberedPeople = Object.values(week!.seen).flat();
    expect(rememberedPeople).toHaveLength(5);
    for (const rawId of ["ann", "bo", "cy", "dee"]) expect(JSON.stringify(week)).not.toContain(`"${rawId}"`);
    expect(rememberedPeople.filter((entry) => ["ann", "bo", "cy", "dee"].includes(entry))).toEqual([]);
    expect(empty).toEqual(emptyWeek("2026-W12"));
  });
});
