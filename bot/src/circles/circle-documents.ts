import { z } from "zod";
import type { OpenRoundInput, PersonRef, SignUpInput } from "../../../shared/circles/circle-programme.js";
import { CIRCLE_CADENCES, WEEKDAYS, type CircleRecurrence } from "../../../shared/circles/circle-schedule.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";

/**
 * The documents of the circles module, all in the `circles` container. The schemas check the
 * shape a reader relies on, not the input limits of the forms: a limit tightened later must not
 * make yesterday's circles unreadable.
 */

/** A circle as stored. `formedWith` keeps who it was formed with, for the grouping history. */
export interface CircleDocument {
  [key: string]: unknown;
  kind: "circle";
  id: string;
  name: string;
  topic?: string | undefined;
  roundId?: string | undefined;
  recurrence: CircleRecurrence;
  joinUrl?: string | undefined;
  members: PersonRef[];
  formedWith: string[];
  /** Who facilitated, oldest first, when a session was overridden; empty means the rotation ran as planned. */
  facilitatorHistory: string[];
  teamKey?: string | undefined;
  joinRequests?: PersonRef[] | undefined;
  /** Someone who offered to facilitate one particular session (its start, ISO), instead of the rotation. */
  facilitatorOverride?: { sessionStart: string; userId: string } | undefined;
  /** After this many sessions the programme re-forms circles (a new round, avoiding repeats). */
  sessionsPlanned?: number | undefined;
  createdAt: string;
}

export interface RoundDocument extends OpenRoundInput {
  [key: string]: unknown;
  kind: "round";
  status: "open" | "published";
  createdBy: string;
  createdAt: string;
}

export interface SignUpDocument {
  [key: string]: unknown;
  kind: "signup";
  roundId: string;
  userId: string;
  displayName: string;
  /** Lower-cased sign-in name, so others can name this person by email in their avoid list. */
  signInName?: string | undefined;
  answer: SignUpInput;
}

const personRef: z.ZodType<PersonRef> = z.looseObject({ userId: z.string(), displayName: z.string() });

const recurrence: z.ZodType<CircleRecurrence> = z.looseObject({
  cadence: z.enum(CIRCLE_CADENCES),
  weekday: z.enum(WEEKDAYS),
  localTime: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  startDate: z.string(),
  skippedDates: z.array(z.string()).optional(),
});

const circleSchema: z.ZodType<CircleDocument> = z.looseObject({
  kind: z.literal("circle"),
  id: z.string(),
  name: z.string(),
  topic: z.string().optional(),
  roundId: z.string().optional(),
  recurrence,
  joinUrl: z.string().optional(),
  members: z.array(personRef),
  formedWith: z.array(z.string()),
  facilitatorHistory: z.array(z.string()),
  teamKey: z.string().optional(),
  joinRequests: z.array(personRef).optional(),
  facilitatorOverride: z.looseObject({ sessionStart: z.string(), userId: z.string() }).optional(),
  sessionsPlanned: z.number().optional(),
  createdAt: z.string(),
});

const slot = z.looseObject({
  id: z.string(),
  weekday: z.enum(WEEKDAYS),
  localTime: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
});

const roundSchema: z.ZodType<RoundDocument> = z.looseObject({
  kind: z.literal("round"),
  name: z.string(),
  topic: z.string().optional(),
  closesOn: z.string(),
  startsOn: z.string(),
  groupSize: z.looseObject({ min: z.number(), max: z.number() }),
  cadence: z.enum(CIRCLE_CADENCES),
  slots: z.array(slot),
  sessionsBeforeReform: z.number().optional(),
  status: z.enum(["open", "published"]),
  createdBy: z.string(),
  createdAt: z.string(),
});

const signUpSchema: z.ZodType<SignUpDocument> = z.looseObject({
  kind: z.literal("signup"),
  roundId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  signInName: z.string().optional(),
  answer: z.looseObject({
    timeZone: z.string(),
    windows: z.array(z.string()),
    interests: z.array(z.string()),
    team: z.string().optional(),
    avoid: z.array(z.string()),
    managerId: z.string().optional(),
  }),
});

export const circleDocuments = (store: DocumentStore) => collection(store, "circles", "circle", circleSchema);
export const roundDocuments = (store: DocumentStore) => collection(store, "circles", "round", roundSchema);
export const signUpDocuments = (store: DocumentStore) => collection(store, "circles", "signup", signUpSchema);
