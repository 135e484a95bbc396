import { z } from "zod";
import type { HuddleClockState, HuddleStep, PulseState } from "../../../shared/index.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import type { HuddleSession } from "./huddle-wire.js";

/** The documents of the huddles module in the `huddles` container: sessions and who was seen in them. */

export const huddleStepSchema: z.ZodType<HuddleStep> = z.looseObject({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  durationSeconds: z.number(),
  round: z.looseObject({ secondsPerSpeaker: z.number() }).optional(),
  pulse: z.boolean().optional(),
  facilitatorNotes: z.string().optional(),
});

const clock: z.ZodType<HuddleClockState> = z.looseObject({
  phase: z.enum(["ready", "running", "paused", "ended"]),
  steps: z.array(
    z.looseObject({ id: z.string(), durationSeconds: z.number(), round: z.looseObject({ secondsPerSpeaker: z.number() }).optional() }),
  ),
  stepIndex: z.number(),
  stepStartedAt: z.number().optional(),
  pausedAt: z.number().optional(),
  pausedMs: z.number(),
  extensionSeconds: z.number(),
  speakers: z.array(z.string()),
  speakerIndex: z.number(),
  speakerStartedAt: z.number().optional(),
  speakerPausedMs: z.number(),
  passes: z.number(),
  seed: z.number(),
  facilitatorId: z.string(),
  completed: z.array(z.looseObject({ stepId: z.string(), usedSeconds: z.number() })),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
});

const counts = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() });

const pulse: z.ZodType<PulseState> = z.looseObject({ stepId: z.string(), counts, answeredKeys: z.array(z.string()) });

const sessionSchema: z.ZodType<HuddleSession> = z.looseObject({
  kind: z.literal("huddle"),
  templateId: z.string(),
  templateName: z.string(),
  steps: z.array(huddleStepSchema),
  clock,
  pulse: pulse.optional(),
  closedPulses: z.array(
    z.union([z.looseObject({ stepId: z.string(), counts }), z.looseObject({ stepId: z.string(), withheld: z.literal(true) })]),
  ),
  secret: z.string().optional(),
  respondents: z.array(z.string()).optional(),
  changedAt: z.number().optional(),
  speakerNames: z.record(z.string(), z.string()).optional(),
  summaryPosted: z.boolean().optional(),
});

export interface AttendanceDocument {
  kind: "huddleAttendance";
  /** The session these people were seen in; a new session in the same meeting starts empty. */
  instance: string;
  attendees: string[];
}

const attendanceSchema: z.ZodType<AttendanceDocument> = z.looseObject({
  kind: z.literal("huddleAttendance"),
  instance: z.string(),
  attendees: z.array(z.string()),
});

export const huddleSessions = (store: DocumentStore) => collection(store, "huddles", "huddle", sessionSchema);
export const huddleAttendances = (store: DocumentStore) => collection(store, "huddles", "huddleAttendance", attendanceSchema);
