import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { facilitatorSchedule, nextFacilitator, type RotationMember } from "./facilitator-rotation.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const willing = (...ids: string[]): RotationMember[] => ids.map((id) => ({ id, willing: true }));

describe("nextFacilitator", () => {
  it("goes down the member list from a fresh start, then round again in the same order", () => {
    expect(facilitatorSchedule(willing("ana", "ben", "cy"), [], 7)).toEqual(["ana", "ben", "cy", "ana", "ben", "cy", "ana"]);
  });

  it("passes over people who have not said they are willing", () => {
    const members = [...willing("ana"), { id: "ben", willing: false }, ...willing("cy")];
    expect(facilitatorSchedule(members, [], 4)).toEqual(["ana", "cy", "ana", "cy"]);
  });

  it("has nobody when nobody is willing", () => {
    expect(nextFacilitator({ members: [], history: [] })).toBeUndefined();
    expect(nextFacilitator({ members: [{ id: "ana", willing: false }], history: ["ana"] })).toBeUndefined();
    expect(facilitatorSchedule([{ id: "ana", willing: false }], [], 2)).toEqual([undefined, undefined]);
  });

  it("gives the turn to whoever has not had one this round", () => {
    expect(nextFacilitator({ members: willing("ana", "ben", "cy"), history: ["cy", "ana"] })).toBe("ben");
  });

  it("starts a new round with whoever has waited longest", () => {
    expect(nextFacilitator({ members: willing("ana", "ben", "cy"), history: ["cy", "ana", "ben"] })).toBe("cy");
    expect(facilitatorSchedule(willing("ana", "ben", "cy"), ["cy", "ana", "ben"], 3)).toEqual(["cy", "ana", "ben"]);
  });

  it("ignores people who have left, and does not wait for them", () => {
    const history = ["ana", "gone", "ben", "gone", "cy"];
    expect(nextFacilitator({ members: willing("ana", "ben", "cy"), history })).toBe("ana");
  });

  it("gives a newcomer the next turn once, not every turn until they catch up", () => {
    const history = Array.from({ length: 10 }, () => ["ana", "ben"]).flat();
    expect(facilitatorSchedule(willing("ana", "ben", "dee"), history, 6)).toEqual(["dee", "ana", "ben", "dee", "ana", "ben"]);
  });

  it("brings someone who becomes willing again in at the next turn", () => {
    const history = ["ana", "ben", "cy", "ana", "ben", "ana", "ben"];
    expect(nextFacilitator({ members: willing("ana", "ben", "cy"), history })).toBe("cy");
  });

  it("keeps the member list order on a full tie, and the first place of someone listed twice", () => {
    expect(nextFacilitator({ members: willing("cy", "ana", "cy", "ben"), history: [] })).toBe("cy");
    expect(facilitatorSchedule(willing("cy", "ana", "cy", "ben"), [], 3)).toEqual(["cy", "ana", "ben"]);
  });

  it("lets a session be given to someone else, counting it as their turn", () => {
    const members = willing("ana", "ben", "cy");
    expect(nextFacilitator({ members, history: [], override: "cy" })).toBe("cy");
    expect(nextFacilitator({ members, history: ["cy"] })).toBe("ana");
    expect(facilitatorSchedule(members, [], 5, [undefined, "cy"])).toEqual(["ana", "cy", "ben", "ana", "cy"]);
  });

  it("lets a member who is not in the rotation take a session when asked", () => {
    const members = [...willing("ana", "ben"), { id: "cy", willing: false }];
    expect(nextFacilitator({ members, history: [], override: "cy" })).toBe("cy");
    expect(facilitatorSchedule(members, [], 3, ["cy"])).toEqual(["cy", "ana", "ben"]);
  });

  it("refuses to hand a session to someone outside the circle", () => {
    const attempt = () => nextFacilitator({ members: willing("ana"), history: [], override: "stranger" });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => facilitatorSchedule(willing("ana"), [], 2, [undefined, "stranger"])).toThrow(AppError);
  });

  it("refuses a count it cannot honour", () => {
    expect(facilitatorSchedule(willing("ana"), [], 0)).toEqual([]);
    expect(() => facilitatorSchedule(willing("ana"), [], -1)).toThrow(RangeError);
    expect(() => facilitatorSchedule(willing("ana"), [], 2.5)).toThrow(RangeError);
  });
});

describe("rotation properties", () => {
  /** Unique ids, each willing or not, in a shuffled order. */
  const membersArbitrary = fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 10, selector: ([id]) => id })
    .map((pairs) => pairs.map(([id, isWilling]) => ({ id, willing: isWilling })));

  it("from a fresh start, any k·n sessions in a row give each of the n willing members exactly k turns", () => {
    fc.assert(
      fc.property(membersArbitrary, fc.integer({ min: 1, max: 5 }), fc.nat(20), (members, k, offset) => {
        const willingIds = members.filter((member) => member.willing).map((member) => member.id);
        const n = willingIds.length;
        const schedule = facilitatorSchedule(members, [], offset + k * n);
        if (n === 0) {
          expect(schedule.every((id) => id === undefined)).toBe(true);
          return;
        }
        const window = schedule.slice(offset, offset + k * n);
        for (const id of willingIds) expect(window.filter((chosen) => chosen === id)).toHaveLength(k);
        expect(schedule.every((id) => id !== undefined && willingIds.includes(id))).toBe(true);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("after any history, everyone willing facilitates once before anyone facilitates twice", () => {
    fc.assert(
      fc.property(
        membersArbitrary,
        fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 4 }), fc.constant("left-the-circle")), { maxLength: 40 }),
        (members, history) => {
          const willingIds = members.filter((member) => member.willing).map((member) => member.id);
          const upcoming = facilitatorSchedule(members, history, willingIds.length);
          expect([...upcoming].sort()).toEqual([...willingIds].sort());
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it("schedules exactly what nextFacilitator picks, session by session", () => {
    fc.assert(
      fc.property(
        membersArbitrary,
        fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 12 }),
        (members, history, count) => {
          const schedule = facilitatorSchedule(members, history, count);
          const picked: (string | undefined)[] = [];
          const soFar = [...history];
          for (let session = 0; session < count; session += 1) {
            const id = nextFacilitator({ members, history: soFar });
            picked.push(id);
            // An empty session is still a session in the history, under an id nobody has.
            soFar.push(id ?? "\u0000nobody");
          }
          expect(schedule).toEqual(picked);
        },
      ),
    );
  });
});
