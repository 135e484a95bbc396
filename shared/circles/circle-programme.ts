import { z } from "zod";
import { isTimeZone, TIME_ZONE_MESSAGE } from "../time-zones.js";
import { isLocalDate, isLocalTime } from "../zoned-time.js";
import {
  CIRCLE_CADENCES,
  CIRCLE_RECURRENCE_LIMITS,
  WEEKDAYS,
  type CircleCadence,
  type CircleRecurrence,
  type Weekday,
} from "./circle-schedule.js";

/**
 * Sign-up rounds and the circles they form: the shapes the API accepts and returns, shared by the
 * server and the tab so both validate the same way. Avoid lists and manager links are inputs only;
 * no shape here that goes to anyone but an admin carries them.
 */

export const CIRCLE_PROGRAMME_LIMITS = {
  roundNameMaxLength: 80,
  topicMaxLength: 120,
  maxSlots: 20,
  minGroupSize: 2,
  maxGroupSize: 12,
  maxInterests: 10,
  interestMaxLength: 30,
  teamMaxLength: 60,
  maxAvoid: 20,
  circleNameMaxLength: 80,
} as const;

const limits = CIRCLE_PROGRAMME_LIMITS;
const localDate = z.string().refine(isLocalDate, "is not a date written YYYY-MM-DD");
const personId = z.string().trim().min(1).max(64);

export const candidateSlotSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, "use lower-case letters, digits and dashes"),
  weekday: z.enum(WEEKDAYS),
  localTime: z.string().refine(isLocalTime, "is not a 24-hour time written HH:MM"),
  durationMinutes: z.number().int().min(CIRCLE_RECURRENCE_LIMITS.minDurationMinutes).max(CIRCLE_RECURRENCE_LIMITS.maxDurationMinutes),
  timeZone: z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE),
});
export type CandidateSlot = z.output<typeof candidateSlotSchema>;

export const openRoundSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(limits.roundNameMaxLength),
    topic: z.string().trim().max(limits.topicMaxLength).optional(),
    closesOn: localDate,
    /** Circles formed in this round meet from this date on. */
    startsOn: localDate,
    groupSize: z.strictObject({
      min: z.number().int().min(limits.minGroupSize).max(limits.maxGroupSize),
      max: z.number().int().min(limits.minGroupSize).max(limits.maxGroupSize),
    }),
    cadence: z.enum(CIRCLE_CADENCES),
    slots: z.array(candidateSlotSchema).min(1).max(limits.maxSlots),
    /** After this many sessions the circles are due to be re-formed by a new round. */
    sessionsBeforeReform: z.number().int().min(1).max(52).optional(),
  })
  .refine((round) => round.groupSize.min <= round.groupSize.max, { path: ["groupSize", "min"], message: "must not exceed the maximum" })
  .refine((round) => round.startsOn >= round.closesOn, { path: ["startsOn"], message: "must be on or after the closing date" })
  .refine((round) => new Set(round.slots.map((slot) => slot.id)).size === round.slots.length, {
    path: ["slots"],
    message: "each time slot needs its own id",
  });
export type OpenRoundInput = z.output<typeof openRoundSchema>;

export const signUpSchema = z.strictObject({
  timeZone: z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE),
  /** Ids of the round's candidate slots this person can make. */
  windows: z.array(z.string().min(1).max(32)).min(1).max(limits.maxSlots),
  interests: z.array(z.string().trim().min(1).max(limits.interestMaxLength)).max(limits.maxInterests).default([]),
  team: z.string().trim().max(limits.teamMaxLength).optional(),
  /** People this person would rather not share a circle with. Private to the grouping engine. */
  avoid: z.array(personId).max(limits.maxAvoid).default([]),
  /** Never grouped with their manager. Private to the grouping engine. */
  managerId: personId.optional(),
});
export type SignUpInput = z.output<typeof signUpSchema>;

export interface PersonRef {
  userId: string;
  displayName: string;
}

export type RoundStatus = "open" | "published";

/** A round as everyone sees it. `mySignUp` is the caller's own answer, returned only to them. */
export interface RoundSummary {
  id: string;
  name: string;
  topic?: string;
  closesOn: string;
  startsOn: string;
  groupSize: { min: number; max: number };
  cadence: CircleCadence;
  slots: CandidateSlot[];
  status: RoundStatus;
  signUpCount: number;
  mySignUp?: SignUpInput;
}

export interface ProposedCircle {
  members: PersonRef[];
  slotId?: string;
  /** Pairs in this circle who have already met in an earlier circle. */
  repeatPairs: number;
}

/** What the admin previews before publishing. Admin-only. */
export interface RoundPreview {
  circles: ProposedCircle[];
  unplaced: (PersonRef & { reason: "no-shared-window" | "avoid-conflict" })[];
  sizeNote?: { code: string; message: string };
  repeatedPairs: number;
}

/** What an admin may change on a circle. `teamKey: null` unlinks it from its team. */
export const circleEditSchema = z.strictObject({
  name: z.string().trim().min(1).max(limits.circleNameMaxLength).optional(),
  topic: z.string().trim().max(limits.topicMaxLength).optional(),
  joinUrl: z.union([z.url({ protocol: /^https$/ }).max(2000), z.literal("")]).optional(),
  /** The Teams team or group chat whose tab lists this circle. */
  teamKey: z.union([z.string().min(1).max(200), z.null()]).optional(),
  removeMembers: z.array(personId).max(12).optional(),
});
export type CircleEditInput = z.output<typeof circleEditSchema>;

/** A circle as a team's tab lists it: no names, only how many are in it and where the caller stands. */
export interface TeamCircleView {
  id: string;
  name: string;
  topic?: string;
  recurrence: CircleRecurrence;
  memberCount: number;
  isMember: boolean;
  requested: boolean;
}

/** A circle as its members see it. */
export interface CircleView {
  id: string;
  name: string;
  topic?: string;
  roundId?: string;
  recurrence: CircleRecurrence;
  joinUrl?: string;
  members: PersonRef[];
  /** Who facilitates the next session, by the fair rotation. */
  nextFacilitatorId?: string;
  /** Sessions held so far, and, when the round set one, after how many the circles re-form. */
  sessionsHeld?: number;
  sessionsPlanned?: number;
  reformDue?: boolean;
  /** Admins only: the team whose tab lists it, and who asked to join. */
  teamKey?: string;
  joinRequests?: PersonRef[];
}

export type { CircleCadence, Weekday };
