import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchBuddies, type BuddyMatchInput, type BuddyNewcomer, type BuddyVolunteer } from "./buddy-matching.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const WINDOWS = ["w0", "w1", "w2", "w3", "w4"];
const TEAMS = ["ward-4", "ward-5", "pharmacy"];

/** People are drawn from one pool of ids, so a newcomer's manager or avoid entry can be a volunteer (or themselves). */
const personIds = Array.from({ length: 10 }, (_unused, index) => `p${index}`);

const problem: fc.Arbitrary<BuddyMatchInput> = fc
  .record({
    newcomerIds: fc.uniqueArray(fc.constantFrom(...personIds), { maxLength: 8 }),
    buddyIds: fc.uniqueArray(fc.constantFrom(...personIds), { maxLength: 6 }),
    seed: fc.integer(),
  })
  .chain(({ newcomerIds, buddyIds, seed }) =>
    fc.record({
      newcomers: fc.tuple(
        ...newcomerIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            team: fc.option(fc.constantFrom(...TEAMS), { nil: undefined }),
            windows: fc.uniqueArray(fc.constantFrom(...WINDOWS), { maxLength: 3 }),
            managerId: fc.option(fc.constantFrom(...personIds), { nil: undefined }),
            avoid: fc.uniqueArray(fc.constantFrom(...personIds), { maxLength: 2 }),
          }),
        ),
      ),
      buddies: fc.tuple(
        ...buddyIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            team: fc.option(fc.constantFrom(...TEAMS), { nil: undefined }),
            windows: fc.uniqueArray(fc.constantFrom(...WINDOWS), { minLength: 1, maxLength: 3 }),
            capacity: fc.integer({ min: 0, max: 3 }),
            current: fc.integer({ min: 0, max: 3 }),
          }),
        ),
      ),
      seed: fc.constant(seed),
    }),
  );

const excludedFor = (newcomer: BuddyNewcomer) => new Set([newcomer.id, ...(newcomer.avoid ?? []), newcomer.managerId]);
const canPair = (newcomer: BuddyNewcomer, buddy: BuddyVolunteer) =>
  !excludedFor(newcomer).has(buddy.id) && newcomer.windows.some((window) => buddy.windows.includes(window));

/** The most newcomers that can be paired, by trying every assignment: an oracle that shares no code. */
function mostPairs(input: BuddyMatchInput): number {
  const room = input.buddies.map((buddy) => Math.max(0, buddy.capacity - buddy.current));
  const search = (index: number): number => {
    if (index === input.newcomers.length) return 0;
    let best = search(index + 1);
    input.buddies.forEach((buddy, buddyIndex) => {
      if (room[buddyIndex]! > 0 && canPair(input.newcomers[index]!, buddy)) {
        room[buddyIndex]!--;
        best = Math.max(best, 1 + search(index + 1));
        room[buddyIndex]!++;
      }
    });
    return best;
  };
  return search(0);
}

describe("matchBuddies", () => {
  it("never gives a buddy more newcomers than their capacity leaves room for", () => {
    fc.assert(
      fc.property(problem, (input) => {
        const { pairs } = matchBuddies(input);
        for (const buddy of input.buddies) {
          const taken = pairs.filter((pair) => pair.buddyId === buddy.id).length;
          expect(taken).toBeLessThanOrEqual(Math.max(0, buddy.capacity - buddy.current));
        }
      }),
    );
  });

  it("never pairs a newcomer with their manager, someone they avoid, or themselves; always on a shared window", () => {
    fc.assert(
      fc.property(problem, (input) => {
        for (const pair of matchBuddies(input).pairs) {
          const newcomer = input.newcomers.find((candidate) => candidate.id === pair.newcomerId)!;
          const buddy = input.buddies.find((candidate) => candidate.id === pair.buddyId)!;
          expect(excludedFor(newcomer).has(buddy.id)).toBe(false);
          expect(newcomer.windows).toContain(pair.window);
          expect(buddy.windows).toContain(pair.window);
          // The earliest window the newcomer listed that the buddy shares.
          expect(pair.window).toBe(newcomer.windows.find((window) => buddy.windows.includes(window)));
        }
      }),
    );
  });

  it("accounts for every newcomer exactly once: paired, or unmatched with a reason that holds", () => {
    fc.assert(
      fc.property(problem, (input) => {
        const { pairs, unmatched } = matchBuddies(input);
        const accounted = [...pairs.map((pair) => pair.newcomerId), ...unmatched.map((entry) => entry.newcomerId)];
        expect([...accounted].sort()).toEqual(input.newcomers.map((newcomer) => newcomer.id).sort());
        for (const { newcomerId, reason } of unmatched) {
          const newcomer = input.newcomers.find((candidate) => candidate.id === newcomerId)!;
          const sharing = input.buddies.filter(
            (buddy) => buddy.id !== newcomer.id && newcomer.windows.some((window) => buddy.windows.includes(window)),
          );
          const allowed = sharing.filter((buddy) => canPair(newcomer, buddy));
          if (reason === "no-shared-window") expect(sharing).toEqual([]);
          if (reason === "only-manager") expect(sharing.length > 0 && allowed.length === 0).toBe(true);
          if (reason === "no-capacity") {
            // Everyone who could have taken them is full by the end.
            for (const buddy of allowed) {
              const taken = pairs.filter((pair) => pair.buddyId === buddy.id).length;
              expect(taken).toBe(Math.max(0, buddy.capacity - buddy.current));
            }
          }
        }
      }),
    );
  });

  it("pairs as many newcomers as any assignment could", () => {
    fc.assert(
      fc.property(problem, (input) => {
        expect(matchBuddies(input).pairs.length).toBe(mostPairs(input));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it("gives the same pairs for the same input and seed", () => {
    fc.assert(
      fc.property(problem, (input) => {
        expect(matchBuddies(input)).toEqual(matchBuddies(structuredClone(input)));
      }),
    );
  });

  it("prefers a buddy from a different team when one is free", () => {
    const newcomers = [{ id: "mia", team: "Ward 4", windows: ["mon-9"] }];
    const buddies = [
      { id: "sky", team: "ward 4", windows: ["mon-9"], capacity: 1, current: 0 },
      { id: "fin", team: "Ward 5", windows: ["mon-9"], capacity: 1, current: 0 },
      { id: "sam", team: "Ward 4", windows: ["mon-9"], capacity: 3, current: 0 },
    ];
    for (const seed of [1, 2, 3, 42, 2026]) {
      expect(matchBuddies({ newcomers, buddies, seed }).pairs).toEqual([{ newcomerId: "mia", buddyId: "fin", window: "mon-9" }]);
    }
  });

  it("still pairs within a team when that is the only way, and spreads the load across buddies", () => {
    const newcomers = ["a", "b", "c", "d"].map((id) => ({ id, team: "Ward 4", windows: ["mon-9"] }));
    const buddies = [
      { id: "sky", team: "Ward 4", windows: ["mon-9"], capacity: 4, current: 2 },
      { id: "sam", team: "Ward 4", windows: ["mon-9"], capacity: 4, current: 0 },
    ];
    for (const seed of [1, 7, 99]) {
      const { pairs, unmatched } = matchBuddies({ newcomers, buddies, seed });
      expect(unmatched).toEqual([]);
      const load = (id: string) => pairs.filter((pair) => pair.buddyId === id).length;
      // Sky already buddies two, so Sam takes three of the four and both end up with three.
      expect([load("sky"), load("sam")]).toEqual([1, 3]);
    }
  });

  it("says why a newcomer could not be paired, without naming anyone", () => {
    const buddies = [
      { id: "boss", windows: ["mon-9"], capacity: 1, current: 0 },
      { id: "full", windows: ["tue-9"], capacity: 1, current: 1 },
    ];
    const { pairs, unmatched } = matchBuddies({
      newcomers: [
        { id: "mia", windows: ["mon-9"], managerId: "boss" },
        { id: "max", windows: ["tue-9"] },
        { id: "ada", windows: ["sun-3"] },
        { id: "eve", windows: ["mon-9"], avoid: ["boss"] },
      ],
      buddies,
    });
    expect(pairs).toEqual([]);
    expect(unmatched).toEqual([
      { newcomerId: "mia", reason: "only-manager" },
      { newcomerId: "max", reason: "no-capacity" },
      { newcomerId: "ada", reason: "no-shared-window" },
      { newcomerId: "eve", reason: "only-manager" },
    ]);
    expect(matchBuddies({ newcomers: [{ id: "ada", windows: ["sun-3"] }], buddies: [] }).unmatched).toEqual([
      { newcomerId: "ada", reason: "no-capacity" },
    ]);
  });

  it("moves an earlier pair aside rather than leave someone out", () => {
    // Max prefers Sky (another team); if he takes Sky first, only moving him to Sam makes room for Mia and Eve.
    const newcomers = [
      { id: "mia", windows: ["mon-9"] },
      { id: "eve", windows: ["mon-9"] },
      { id: "max", team: "Ward 4", windows: ["tue-9"] },
    ];
    const buddies = [
      { id: "fin", windows: ["mon-9"], capacity: 1, current: 0 },
      { id: "sam", team: "Ward 4", windows: ["tue-9"], capacity: 1, current: 0 },
      { id: "sky", team: "Ward 5", windows: ["tue-9", "mon-9"], capacity: 1, current: 0 },
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const { pairs, unmatched } = matchBuddies({ newcomers, buddies, seed });
      expect(unmatched).toEqual([]);
      expect(pairs.find((pair) => pair.newcomerId === "max")).toEqual({ newcomerId: "max", buddyId: "sam", window: "tue-9" });
    }
  });

  it("refuses a person listed twice on one side", () => {
    expect(() =>
      matchBuddies({
        newcomers: [
          { id: "a", windows: [] },
          { id: "a", windows: [] },
        ],
        buddies: [],
      }),
    ).toThrow(RangeError);
  });
});
