import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_RESPONSE_TARGETS,
  URGENCIES,
  businessCalendarSchema,
  claimDeadline,
  escalationDeadlines,
  escalationStage,
  responseTargetsSchema,
  timeToDeadline,
} from "./response-targets.js";
import type { BusinessCalendar, EscalationStage, ResponseTargets, Urgency } from "./response-targets.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const london: BusinessCalendar = { timeZone: "Europe/London", workingDays: WEEKDAYS };
const newYork: BusinessCalendar = { timeZone: "America/New_York", workingDays: WEEKDAYS };
const auckland: BusinessCalendar = { timeZone: "Pacific/Auckland", workingDays: WEEKDAYS };

/** Instants are written with their local offset so each expectation reads as the wall time it means. */
const at = (isoWithOffset: string): number => {
  const instant = Date.parse(isoWithOffset);
  if (Number.isNaN(instant)) throw new Error(`bad test instant ${isoWithOffset}`);
  return instant;
};

const deadline = (created: string, urgency: Urgency, calendar: BusinessCalendar = london, targets = DEFAULT_RESPONSE_TARGETS) =>
  claimDeadline(at(created), urgency, targets, calendar);

describe("claimDeadline with the default targets", () => {
  it("gives a crisis 5 minutes", () => {
    expect(deadline("2025-06-10T10:00:00+01:00", "crisis")).toBe(at("2025-06-10T10:05:00+01:00"));
  });

  it("gives 'today' 1 hour", () => {
    expect(deadline("2025-06-10T10:00:00+01:00", "today")).toBe(at("2025-06-10T11:00:00+01:00"));
  });

  it("gives 'soon' until the same time on the next working day", () => {
    expect(deadline("2025-06-10T10:00:00+01:00", "soon")).toBe(at("2025-06-11T10:00:00+01:00"));
  });

  it("gives 'can wait' three working days", () => {
    expect(deadline("2025-06-10T10:00:00+01:00", "can_wait")).toBe(at("2025-06-13T10:00:00+01:00"));
  });

  it("counts minutes and hours on the wall clock, even late at night and at weekends", () => {
    expect(deadline("2025-06-14T23:58:00+01:00", "crisis")).toBe(at("2025-06-15T00:03:00+01:00"));
    expect(deadline("2025-06-14T23:30:00+01:00", "today")).toBe(at("2025-06-15T00:30:00+01:00"));
  });

  it("follows targets an admin has changed", () => {
    const targets: ResponseTargets = {
      ...DEFAULT_RESPONSE_TARGETS,
      today: { amount: 4, unit: "hours" },
      soon: { amount: 90, unit: "minutes" },
    };
    expect(deadline("2025-06-10T10:00:00+01:00", "today", london, targets)).toBe(at("2025-06-10T14:00:00+01:00"));
    expect(deadline("2025-06-10T10:00:00+01:00", "soon", london, targets)).toBe(at("2025-06-10T11:30:00+01:00"));
  });
});

describe("claimDeadline in business days", () => {
  it("moves a Friday-afternoon request to Monday at the same time", () => {
    expect(deadline("2025-06-13T15:30:00+01:00", "soon")).toBe(at("2025-06-16T15:30:00+01:00"));
  });

  it("skips the weekend when counting several days", () => {
    expect(deadline("2025-06-12T10:00:00+01:00", "can_wait")).toBe(at("2025-06-17T10:00:00+01:00"));
  });

  it("counts a Saturday request from Monday 09:00", () => {
    expect(deadline("2025-06-14T11:00:00+01:00", "soon")).toBe(at("2025-06-17T09:00:00+01:00"));
  });

  it("counts a Sunday request from Monday 09:00 for three days", () => {
    expect(deadline("2025-06-15T22:00:00+01:00", "can_wait")).toBe(at("2025-06-19T09:00:00+01:00"));
  });

  it("skips holidays", () => {
    const easter: BusinessCalendar = { ...london, holidays: ["2025-04-18", "2025-04-21"] };
    expect(deadline("2025-04-17T14:00:00+01:00", "soon", easter)).toBe(at("2025-04-22T14:00:00+01:00"));
    expect(deadline("2025-04-17T14:00:00+01:00", "can_wait", easter)).toBe(at("2025-04-24T14:00:00+01:00"));
  });

  it("treats a request made on a holiday like one made at the weekend", () => {
    const easter: BusinessCalendar = { ...london, holidays: ["2025-04-18", "2025-04-21"] };
    expect(deadline("2025-04-18T10:00:00+01:00", "soon", easter)).toBe(at("2025-04-23T09:00:00+01:00"));
  });

  it("uses the calendar's own working week", () => {
    const sundayToThursday: BusinessCalendar = { timeZone: "Asia/Jerusalem", workingDays: [7, 1, 2, 3, 4] };
    expect(deadline("2025-06-12T16:00:00+03:00", "soon", sundayToThursday)).toBe(at("2025-06-15T16:00:00+03:00"));
    expect(deadline("2025-06-13T16:00:00+03:00", "soon", sundayToThursday)).toBe(at("2025-06-16T09:00:00+03:00"));
  });

  it("reads the weekday in the calendar's time zone, not in UTC", () => {
    // Friday 08:00 in Auckland is still Thursday in UTC.
    expect(deadline("2025-06-13T08:00:00+12:00", "soon", auckland)).toBe(at("2025-06-16T08:00:00+12:00"));
  });
});

describe("claimDeadline across daylight-saving changes keeps the local wall time", () => {
  it("Europe/London spring forward", () => {
    const created = at("2025-03-28T10:00:00+00:00");
    const due = claimDeadline(created, "soon", DEFAULT_RESPONSE_TARGETS, london);
    expect(due).toBe(at("2025-03-31T10:00:00+01:00"));
    expect(due - created).toBe(71 * HOUR);
  });

  it("Europe/London fall back", () => {
    const created = at("2025-10-24T10:00:00+01:00");
    const due = claimDeadline(created, "soon", DEFAULT_RESPONSE_TARGETS, london);
    expect(due).toBe(at("2025-10-27T10:00:00+00:00"));
    expect(due - created).toBe(73 * HOUR);
  });

  it("America/New_York spring forward", () => {
    expect(deadline("2025-03-07T09:30:00-05:00", "soon", newYork)).toBe(at("2025-03-10T09:30:00-04:00"));
    expect(deadline("2025-03-06T12:00:00-05:00", "can_wait", newYork)).toBe(at("2025-03-11T12:00:00-04:00"));
  });

  it("America/New_York fall back", () => {
    expect(deadline("2025-10-31T17:45:00-04:00", "soon", newYork)).toBe(at("2025-11-03T17:45:00-05:00"));
  });

  it("Pacific/Auckland, where the clocks go back in April", () => {
    expect(deadline("2025-04-04T10:00:00+13:00", "soon", auckland)).toBe(at("2025-04-07T10:00:00+12:00"));
  });

  it("starts a weekend request at 09:00 summer time when the clocks changed over the weekend", () => {
    expect(deadline("2025-03-29T12:00:00+00:00", "soon")).toBe(at("2025-04-01T09:00:00+01:00"));
  });

  it("moves a local time that the clocks skip forward by the length of the gap", () => {
    const everyDay: BusinessCalendar = { ...london, workingDays: EVERY_DAY };
    // 01:30 on 30 March 2025 never happens in London; 02:30 BST is the same instant as 01:30 GMT.
    expect(deadline("2025-03-29T01:30:00+00:00", "soon", everyDay)).toBe(at("2025-03-30T02:30:00+01:00"));
    const everyDayNewYork: BusinessCalendar = { ...newYork, workingDays: EVERY_DAY };
    expect(deadline("2025-03-08T02:30:00-05:00", "soon", everyDayNewYork)).toBe(at("2025-03-09T03:30:00-04:00"));
  });

  it("takes the first occurrence of a local time that the clocks repeat", () => {
    const everyDay: BusinessCalendar = { ...london, workingDays: EVERY_DAY };
    expect(deadline("2025-10-25T01:30:00+01:00", "soon", everyDay)).toBe(at("2025-10-26T01:30:00+01:00"));
  });

  it("counts hours as elapsed time across the change, not as wall time", () => {
    const created = at("2025-03-30T00:30:00+00:00");
    expect(claimDeadline(created, "today", DEFAULT_RESPONSE_TARGETS, london)).toBe(at("2025-03-30T02:30:00+01:00"));
  });
});

describe("claimDeadline refuses configurations it cannot honour", () => {
  it.each([[[]], [[0, 8]]])("a calendar with working days %j", (workingDays) => {
    expect(() => deadline("2025-06-10T10:00:00+01:00", "soon", { ...london, workingDays })).toThrow(RangeError);
  });

  it("a calendar whose holidays leave no working day in sight", () => {
    const everyDate = Array.from({ length: 800 }, (_, day) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10));
    expect(() => deadline("2025-06-10T10:00:00+01:00", "soon", { ...london, holidays: everyDate })).toThrow(/no working day/i);
  });

  it.each([0, -1, 1.5, Number.NaN])("a target amount of %s", (amount) => {
    const targets: ResponseTargets = { ...DEFAULT_RESPONSE_TARGETS, today: { amount, unit: "hours" } };
    expect(() => deadline("2025-06-10T10:00:00+01:00", "today", london, targets)).toThrow(RangeError);
  });
});

describe("escalationStage", () => {
  const created = at("2025-06-10T10:00:00+01:00");
  const stageAt = (now: number, urgency: Urgency = "today") => escalationStage(created, now, urgency, DEFAULT_RESPONSE_TARGETS, london);

  it("is on time until the last millisecond before the deadline", () => {
    expect(stageAt(created)).toBe("on_time");
    expect(stageAt(created + HOUR - 1)).toBe("on_time");
  });

  it("re-sends to supporters exactly at the deadline", () => {
    expect(stageAt(created + HOUR)).toBe("resend_supporters");
    expect(stageAt(created + 2 * HOUR - 1)).toBe("resend_supporters");
  });

  it("notifies admins exactly at the second deadline, and stays there", () => {
    expect(stageAt(created + 2 * HOUR)).toBe("notify_admins");
    expect(stageAt(created + 30 * 24 * HOUR)).toBe("notify_admins");
  });

  it("chases a crisis after 5 and 10 minutes", () => {
    expect(stageAt(created + 5 * MINUTE - 1, "crisis")).toBe("on_time");
    expect(stageAt(created + 5 * MINUTE, "crisis")).toBe("resend_supporters");
    expect(stageAt(created + 10 * MINUTE - 1, "crisis")).toBe("resend_supporters");
    expect(stageAt(created + 10 * MINUTE, "crisis")).toBe("notify_admins");
  });

  it("counts the second miss in business days too, keeping the local time", () => {
    const friday = at("2025-06-13T15:30:00+01:00");
    const stage = (now: string) => escalationStage(friday, at(now), "soon", DEFAULT_RESPONSE_TARGETS, london);
    expect(stage("2025-06-16T15:29:59.999+01:00")).toBe("on_time");
    expect(stage("2025-06-16T15:30:00+01:00")).toBe("resend_supporters");
    expect(stage("2025-06-17T15:29:59.999+01:00")).toBe("resend_supporters");
    expect(stage("2025-06-17T15:30:00+01:00")).toBe("notify_admins");
    expect(escalationDeadlines(friday, "soon", DEFAULT_RESPONSE_TARGETS, london)).toEqual({
      resendSupportersAt: at("2025-06-16T15:30:00+01:00"),
      notifyAdminsAt: at("2025-06-17T15:30:00+01:00"),
    });
  });
});

describe("timeToDeadline", () => {
  const created = at("2025-06-10T10:00:00+01:00");
  const left = (now: number, urgency: Urgency) => timeToDeadline(created, now, urgency, DEFAULT_RESPONSE_TARGETS, london);

  it("counts down to zero and goes negative once overdue", () => {
    expect(left(created, "today")).toBe(HOUR);
    expect(left(created + HOUR, "today")).toBe(0);
    expect(left(created + HOUR + 10 * MINUTE, "today")).toBe(-10 * MINUTE);
  });

  it("counts down over a weekend for business days", () => {
    const friday = at("2025-06-13T15:30:00+01:00");
    expect(timeToDeadline(friday, friday, "soon", DEFAULT_RESPONSE_TARGETS, london)).toBe(72 * HOUR);
  });
});

describe("responseTargetsSchema", () => {
  it("accepts the defaults", () => {
    expect(responseTargetsSchema.parse(DEFAULT_RESPONSE_TARGETS)).toEqual(DEFAULT_RESPONSE_TARGETS);
  });

  it("accepts every limit exactly", () => {
    const limits = {
      crisis: { amount: 60, unit: "minutes" },
      today: { amount: 10080, unit: "minutes" },
      soon: { amount: 168, unit: "hours" },
      can_wait: { amount: 30, unit: "business_days" },
    };
    expect(responseTargetsSchema.safeParse(limits).success).toBe(true);
    expect(responseTargetsSchema.safeParse({ ...limits, crisis: { amount: 1, unit: "hours" } }).success).toBe(true);
  });

  it.each([
    ["a crisis over 60 minutes", { crisis: { amount: 61, unit: "minutes" } }],
    ["a crisis over 1 hour", { crisis: { amount: 2, unit: "hours" } }],
    ["a crisis in business days", { crisis: { amount: 1, unit: "business_days" } }],
    ["zero minutes", { today: { amount: 0, unit: "minutes" } }],
    ["more than a week of minutes", { today: { amount: 10081, unit: "minutes" } }],
    ["more than 168 hours", { soon: { amount: 169, unit: "hours" } }],
    ["more than 30 business days", { can_wait: { amount: 31, unit: "business_days" } }],
    ["a fractional amount", { soon: { amount: 1.5, unit: "business_days" } }],
    ["an amount given as text", { soon: { amount: "1", unit: "business_days" } }],
    ["an unknown unit", { soon: { amount: 1, unit: "weeks" } }],
    ["a missing urgency", { can_wait: undefined }],
    ["an unknown urgency", { someday: { amount: 1, unit: "business_days" } }],
    ["an extra field on a target", { today: { amount: 1, unit: "hours", note: "x" } }],
  ])("rejects %s", (_label, change) => {
    expect(responseTargetsSchema.safeParse({ ...DEFAULT_RESPONSE_TARGETS, ...change }).success).toBe(false);
  });
});

describe("businessCalendarSchema", () => {
  it("defaults to a Monday-to-Friday week", () => {
    expect(businessCalendarSchema.parse({ timeZone: "Europe/London" })).toEqual({ timeZone: "Europe/London", workingDays: WEEKDAYS });
  });

  it.each([
    { timeZone: "Mars/Olympus" },
    { timeZone: "Europe/London", workingDays: [] },
    { timeZone: "Europe/London", workingDays: [0, 1] },
    { timeZone: "Europe/London", workingDays: [1, 1, 2] },
    { timeZone: "Europe/London", holidays: ["2025-02-30"] },
    { timeZone: "Europe/London", holidays: ["25/12/2025"] },
  ])("rejects %j", (input) => {
    expect(businessCalendarSchema.safeParse(input).success).toBe(false);
  });
});

describe("properties over many creation times", () => {
  const STAGE_ORDER: EscalationStage[] = ["on_time", "resend_supporters", "notify_admins"];
  const calendars = [london, newYork, auckland, { timeZone: "Asia/Kolkata", workingDays: WEEKDAYS, holidays: ["2025-08-15"] }];
  // An odd step walks every hour of the day and every weekday, through both of 2025's clock changes.
  const creationTimes = Array.from({ length: 1200 }, (_, index) => at("2025-01-01T00:00:00Z") + index * (7 * HOUR + 13 * MINUTE + 17_000));
  // Swedish formatting reads as "YYYY-MM-DD HH:mm:ss": an independent check on the module's own zone arithmetic.
  const wallClocks = new Map(
    calendars.map(({ timeZone }) => [timeZone, new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" })]),
  );
  const localWallTime = (instant: number, timeZone: string) => wallClocks.get(timeZone)?.format(instant) ?? "";

  it("always puts the deadline after creation, on a working day, at the created or 09:00 local time", () => {
    for (const calendar of calendars) {
      for (const createdAt of creationTimes) {
        for (const urgency of URGENCIES) {
          const due = claimDeadline(createdAt, urgency, DEFAULT_RESPONSE_TARGETS, calendar);
          expect(due).toBeGreaterThan(createdAt);
          if (DEFAULT_RESPONSE_TARGETS[urgency].unit !== "business_days") continue;
          const [dueDate = "", dueTime] = localWallTime(due, calendar.timeZone).split(" ");
          const weekday = new Date(`${dueDate}T00:00:00Z`).getUTCDay() || 7;
          expect(calendar.workingDays).toContain(weekday);
          expect(calendar.holidays ?? []).not.toContain(dueDate);
          expect([localWallTime(createdAt, calendar.timeZone).split(" ")[1], "09:00:00"]).toContain(dueTime);
        }
      }
    }
  });

  it("never moves a request back to an earlier escalation stage as time passes", () => {
    const offsets = [0, 1, 4 * MINUTE, 5 * MINUTE, 59 * MINUTE, HOUR, 2 * HOUR, 20 * HOUR, 3 * 24 * HOUR, 6 * 24 * HOUR, 9 * 24 * HOUR];
    for (const calendar of calendars) {
      for (const createdAt of creationTimes.filter((_, index) => index % 6 === 0)) {
        for (const urgency of URGENCIES) {
          const ranks = offsets.map((offset) =>
            STAGE_ORDER.indexOf(escalationStage(createdAt, createdAt + offset, urgency, DEFAULT_RESPONSE_TARGETS, calendar)),
          );
          expect(ranks[0]).toBe(0);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          const { resendSupportersAt, notifyAdminsAt } = escalationDeadlines(createdAt, urgency, DEFAULT_RESPONSE_TARGETS, calendar);
          expect(notifyAdminsAt).toBeGreaterThan(resendSupportersAt);
        }
      }
    }
  });
});

describe("the on-time shortcut", () => {
  // The shortcut must never change an answer: compare it with the stage read off the deadlines.
  const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "UTC"];
  it("agrees with the full deadline arithmetic for random times, zones, holidays and targets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2028-01-01T00:00:00Z") }),
        fc.integer({ min: 0, max: 12 * 86_400_000 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<Urgency>("soon", "can_wait"),
        (createdAt, elapsed, timeZone, days, urgency) => {
          const calendar: BusinessCalendar = { timeZone, workingDays: [1, 2, 3, 4, 5], holidays: ["2026-12-25", "2027-01-01"] };
          const targets: ResponseTargets = { ...DEFAULT_RESPONSE_TARGETS, [urgency]: { amount: days, unit: "business_days" } };
          const now = createdAt + elapsed;
          const { resendSupportersAt, notifyAdminsAt } = escalationDeadlines(createdAt, urgency, targets, calendar);
          const expected: EscalationStage =
            now < resendSupportersAt ? "on_time" : now < notifyAdminsAt ? "resend_supporters" : "notify_admins";
          expect(escalationStage(createdAt, now, urgency, targets, calendar)).toBe(expected);
        },
      ),
      { numRuns: propertyRuns(3000) },
    );
  });
});
