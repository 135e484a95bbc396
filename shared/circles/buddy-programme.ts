import { z } from "zod";
import { isTimeZone, TIME_ZONE_MESSAGE } from "../time-zones.js";
import type { BuddyUnmatchedReason } from "./buddy-matching.js";
import { isBuddyWindow } from "./buddy-windows.js";
import { CIRCLE_PROGRAMME_LIMITS, type PersonRef } from "./circle-programme.js";

/**
 * Buddies for new hires: the shapes the API accepts and returns, shared by the server and the tab so
 * both validate the same way. A newcomer's manager and avoid list are inputs only: they go back to
 * that newcomer alone, never into a pairing, a card or anything an admin sees.
 */

export const BUDDY_LIMITS = {
  minCapacity: 1,
  maxCapacity: 5,
  defaultCapacity: 1,
  /** Every hour of the week. */
  maxWindows: 7 * 24,
  teamMaxLength: CIRCLE_PROGRAMME_LIMITS.teamMaxLength,
  maxAvoid: CIRCLE_PROGRAMME_LIMITS.maxAvoid,
} as const;

const timeZone = z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE);
const personId = z.string().trim().min(1).max(64);
const team = z.string().trim().max(BUDDY_LIMITS.teamMaxLength).optional();
/** Weekly hour-long windows on the person's own wall clock, e.g. "MO-09:00" (see buddy-windows.ts). */
const windows = z
  .array(z.string().refine(isBuddyWindow, "is not a weekly time written like MO-09:00"))
  .min(1)
  .max(BUDDY_LIMITS.maxWindows)
  .refine((list) => new Set(list).size === list.length, "lists a time twice");

export const buddyOfferSchema = z.strictObject({
  timeZone,
  windows,
  capacity: z.number().int().min(BUDDY_LIMITS.minCapacity).max(BUDDY_LIMITS.maxCapacity).default(BUDDY_LIMITS.defaultCapacity),
  team,
});
export type BuddyOfferInput = z.output<typeof buddyOfferSchema>;

export const buddyRequestSchema = z.strictObject({
  timeZone,
  windows,
  team,
  /** Never paired with them: an email address or an Entra object id. Private to the matching. */
  managerId: personId.optional(),
  /** People this newcomer would rather not have as a buddy. Private to the matching. */
  avoid: z.array(personId).max(BUDDY_LIMITS.maxAvoid).default([]),
});
export type BuddyRequestInput = z.output<typeof buddyRequestSchema>;

export type BuddyRole = "newcomer" | "buddy";

/** A suggested first check-in: a concrete 15 minutes, as ISO instants, for each reader to show in their zone. */
export interface BuddyCheckIn {
  start: string;
  end: string;
}

/** A pairing as one of its two people sees it. */
export interface BuddyPairingView {
  id: string;
  /** The caller's side of the pairing. */
  role: BuddyRole;
  partner: PersonRef;
  checkIn: BuddyCheckIn;
  since: string;
}

/** Everything about buddies that belongs to the caller. */
export interface MyBuddies {
  pairings: BuddyPairingView[];
  offer?: BuddyOfferInput & { activePairings: number };
  request?: BuddyRequestInput;
}

/** A pairing as programme admins see it: who, and since when. Admin-only. */
export interface AdminBuddyPairing {
  id: string;
  newcomer: PersonRef;
  buddy: PersonRef;
  since: string;
}

export interface BuddyMatchReport {
  paired: number;
  pairings: AdminBuddyPairing[];
  unmatched: (PersonRef & { reason: BuddyUnmatchedReason })[];
  notified: number;
  /** People the bot cannot reach yet because they never opened it. */
  unreachable: number;
}
