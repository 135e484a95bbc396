import { createHmac, randomBytes } from "node:crypto";
import type { closePulse, HuddleClockState, HuddleStep, PulseState } from "../../../shared/index.js";
import type { HuddleViewResponse } from "../../../shared/api/index.js";

/** A huddle session as stored: the clock, the template's words, pulse counts and who was seen. No one's words. */
export interface HuddleSession {
  [key: string]: unknown;
  kind: "huddle";
  templateId: string;
  templateName: string;
  steps: HuddleStep[];
  clock: HuddleClockState;
  pulse?: PulseState | undefined;
  closedPulses: ReturnType<typeof closePulse>[];
  /** Keys this session's opaque ids; never leaves the server. Older sessions without one get none on the wire. */
  secret?: string | undefined;
  /** Attendees whose answer is in a pulse that was counted; they alone make a pulse figure's people. */
  respondents?: string[] | undefined;
  /** Server time of the last change a facilitator made; a meeting's next huddle may replace one idle for hours. */
  changedAt?: number | undefined;
  /**
   * The current round's speakers' display names, as Teams gives them, by opaque key: everyone in the
   * meeting sees who speaks now and next. Replaced with each round, and an erased person's goes.
   */
  speakerNames?: Record<string, string> | undefined;
  /** Set once the facilitator has posted the summary to the meeting chat: it goes there once. */
  summaryPosted?: boolean | undefined;
}

/** Calls the viewer's own opaque key; a function, so it never goes into the JSON sent to every panel. */
export const VIEWER_KEY = Symbol("viewer key");

/** The view as the server holds it: the wire's (shared/api), with each viewer's key to be filled in per caller. */
export interface HuddleView extends Omit<HuddleViewResponse, "viewerKey"> {
  [VIEWER_KEY]: (userId: string) => string;
}

export const newHuddleSecret = () => randomBytes(18).toString("base64url");

/** A person's id in one huddle session: stable within it, unlinkable to anything outside it. */
export function opaqueKey(session: Pick<HuddleSession, "secret" | "clock">, userId: string): string {
  if (!userId) return "";
  return createHmac("sha256", session.secret ?? `legacy:${session.clock.seed}`)
    .update(`person:${userId}`)
    .digest("base64url")
    .slice(0, 22);
}

/** Opaque id of one huddle session: a new session in the same meeting gets a new one. */
export const instanceOf = (session: Pick<HuddleSession, "secret" | "clock">) => opaqueKey(session, "\u0000instance");

/**
 * The one view pushed to every panel. The facilitator and speakers appear only as opaque keys, and
 * a pulse shows how many answered, never what, until its step ends: a distribution that moved with
 * each answer would let anyone read the fourth answer as the difference from the third.
 */
export function wireView(session: HuddleSession, version: string, serverNow: number): HuddleView {
  const { pulse, secret: _secret, respondents: _respondents, ...rest } = session;
  return {
    session: {
      ...rest,
      instance: instanceOf(session),
      // The seed stays on the server: it keys the pulse hashes, and older sessions' opaque ids.
      clock: { ...rest.clock, seed: 0, facilitatorId: opaqueKey(session, rest.clock.facilitatorId) },
      // One view goes to every panel; facilitators read their notes from the template library.
      steps: rest.steps.map(({ facilitatorNotes: _notes, ...step }) => step),
      ...(pulse ? { pulse: { stepId: pulse.stepId, answers: pulse.answeredKeys.length } } : {}),
    },
    version,
    serverNow,
    [VIEWER_KEY]: (userId: string) => opaqueKey(session, userId),
  };
}

/**
 * What a single caller gets back, and what every huddle route sends: the shared view plus their own
 * key in this session and whether Teams says they organised the meeting (only they may take over).
 */
export function viewFor(view: HuddleView, userId: string, organizer = false): HuddleViewResponse {
  return { ...view, viewerKey: view[VIEWER_KEY](userId), ...(organizer ? { viewerIsOrganizer: true } : {}) };
}
