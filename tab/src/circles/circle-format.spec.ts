import { describe, expect, it } from "vitest";
import type { CandidateSlot } from "../../../shared/circles/circle-programme.js";
import { slotsInDateOrder } from "./circle-format.js";

const slot = (id: string, weekday: CandidateSlot["weekday"], localTime: string, timeZone: string): CandidateSlot => ({
  id,
  weekday,
  localTime,
  durationMinutes: 45,
  timeZone,
});

describe("a round's time slots", () => {
  it("are listed in the order their first sessions fall, whatever order the admin typed them in", () => {
    const round = {
      cadence: "weekly" as const,
      // Monday 4 March 2030.
      startsOn: "2030-03-04",
      slots: [
        slot("thu-ny", "TH", "16:00", "America/New_York"),
        slot("tue-london", "TU", "09:00", "Europe/London"),
        slot("mon-london", "MO", "09:00", "Europe/London"),
        // Monday 09:00 in Kolkata is Monday 03:30 in London: earlier than the London Monday slot.
        slot("mon-kolkata", "MO", "09:00", "Asia/Kolkata"),
      ],
    };
    const from = new Date("2030-03-01T00:00:00Z");
    expect(slotsInDateOrder(round, from).map((candidate) => candidate.id)).toEqual(["mon-kolkata", "mon-london", "tue-london", "thu-ny"]);
    // Once the round has begun, the next Tuesday comes before the next Monday.
    const wednesday = new Date("2030-03-06T12:00:00Z");
    expect(slotsInDateOrder(round, wednesday).map((candidate) => candidate.id)).toEqual([
      "thu-ny",
      "mon-kolkata",
      "mon-london",
      "tue-london",
    ]);
  });
});
