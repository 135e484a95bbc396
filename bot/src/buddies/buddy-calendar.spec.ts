import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buddyCheckInCalendar } from "./buddy-calendar.js";

const INPUT = {
  uid: "buddy-pairing-1@peer-circles",
  summary: "Buddy check-in with Mia, from Ward 4; welcome!",
  description: "Your first 15-minute check-in.\nMove it if you need to.",
  start: new Date("2026-03-30T08:00:00Z"),
  end: new Date("2026-03-30T08:15:00Z"),
  now: new Date("2026-03-28T10:00:00Z"),
};

describe("buddy check-in calendar", () => {
  it("is one 15-minute event at the exact instant, read back by a separate parser", () => {
    const calendar = new ICAL.Component(ICAL.parse(buddyCheckInCalendar(INPUT)));
    const vevents = calendar.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(1);
    expect(calendar.getAllSubcomponents("vtimezone")).toHaveLength(0);
    const event = new ICAL.Event(vevents[0]!);
    expect(event.uid).toBe(INPUT.uid);
    expect(event.summary).toBe(INPUT.summary);
    expect(event.description).toBe(INPUT.description);
    expect(event.startDate.toJSDate().toISOString()).toBe(INPUT.start.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(INPUT.end.toISOString());
    expect(event.isRecurring()).toBe(false);
    expect(vevents[0]!.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-28T10:00:00Z");
  });

  it("refuses an event with no stable uid or no length", () => {
    expect(() => buddyCheckInCalendar({ ...INPUT, uid: " " })).toThrow(RangeError);
    expect(() => buddyCheckInCalendar({ ...INPUT, end: INPUT.start })).toThrow(RangeError);
  });
});
