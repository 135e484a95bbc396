import { createHash, createHmac, randomBytes } from "node:crypto";
import {
  applyHuddleAction,
  closePulse,
  findBuiltInTemplate,
  mayStartNewHuddle,
  newHuddleClock,
  newPulse,
  recordPulseAnswer,
  type HuddleAction,
  type HuddleRefusal,
} from "../../../shared/index.js";
import type { CollectionDocument } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import type { Touchpoint } from "../../../shared/insights/insights-report.js";
import type { ParticipationRecorder } from "./participation.js";
import type { HuddleTemplateLibrary } from "./template-library.js";
import { HuddleAttendance } from "./huddle-attendance.js";
import { huddleSessions } from "./huddle-documents.js";
import { roundNames, type NameOf } from "./speaker-names.js";
import { instanceOf, newHuddleSecret, opaqueKey, wireView, type HuddleSession, type HuddleView } from "./huddle-wire.js";

export type { HuddleSession, HuddleView };

/** Why the service refused: the clock's own reasons plus the session's; see http/refusal-tables.ts. */
export type HuddleServiceRefusal =
  | HuddleRefusal
  | "not_found"
  | "already_running"
  | "unknown_template"
  | "changed"
  | "no_pulse"
  | "already_answered"
  | "invalid_level"
  | "not_participant";
export type HuddleOutcome<T> = { ok: true; value: T } | { ok: false; refusal: HuddleServiceRefusal };
export type { NameOf };

/** Sessions end up deleted 30 days after their last change, keeping only anonymous aggregates elsewhere. */
export const HUDDLE_TTL_SECONDS = 30 * 86_400;
const MAX_PULSE_WRITE_ATTEMPTS = 8;
/** Erasure reads a tenant's sessions a bounded page at a time. */
const SESSION_PAGE = 200;

/** One meeting's id can hold characters Cosmos refuses in ids, so the document id is its hash. */
export function huddleDocumentId(meetingId: string): string {
  return `huddle-${createHash("sha256").update(meetingId).digest("hex").slice(0, 40)}`;
}

/**
 * Huddle sessions over the storage port. Every change is one ETag-conditional write; a change based
 * on a version that moved meanwhile is refused as "changed", so two clicks on "next" advance once.
 */
export class HuddleService {
  private readonly sessions;

  constructor(
    store: DocumentStore,
    private readonly now: () => number = Date.now,
    private readonly participation?: ParticipationRecorder,
    private readonly templates?: Pick<HuddleTemplateLibrary, "find">,
  ) {
    this.attendance = new HuddleAttendance(store, HUDDLE_TTL_SECONDS);
    this.sessions = huddleSessions(store);
  }

  private readonly attendance: HuddleAttendance;

  /** `alreadyConnected`: people whose verified panels were open on the meeting before the huddle existed. */
  async create(
    tenantId: string,
    meetingId: string,
    templateId: string,
    facilitatorId: string,
    alreadyConnected: readonly string[] = [],
  ): Promise<HuddleOutcome<HuddleView>> {
    const template = this.templates ? await this.templates.find(tenantId, templateId) : findBuiltInTemplate(templateId);
    if (!template) return { ok: false, refusal: "unknown_template" };
    const steps = template.steps.map((step) => ({ ...step, ...(step.round ? { round: { ...step.round } } : {}) }));
    const session: HuddleSession = {
      kind: "huddle",
      templateId,
      templateName: template.name,
      steps,
      clock: newHuddleClock(steps, facilitatorId, randomBytes(4).readUInt32BE(0)),
      closedPulses: [],
      secret: newHuddleSecret(),
      respondents: [],
      changedAt: this.now(),
    };
    const id = huddleDocumentId(meetingId);
    const existing = await this.sessions.get(tenantId, id);
    try {
      // The meeting's next huddle (a second one today, or tomorrow's in a recurring meeting) replaces
      // one that ended or was abandoned; a live one stays. The replace is conditional, so two at once make one.
      if (existing && !mayStartNewHuddle(existing.value, this.now())) return { ok: false, refusal: "already_running" };
      const stored = existing
        ? await this.sessions.replace(tenantId, id, session, { ifMatch: existing.etag, ttlSeconds: HUDDLE_TTL_SECONDS })
        : await this.sessions.create(tenantId, id, session, { ttlSeconds: HUDDLE_TTL_SECONDS });
      await this.attendance.add(tenantId, id, instanceOf(session), [facilitatorId, ...alreadyConnected]);
      return { ok: true, value: this.view(session, stored.etag) };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "already_running" };
      throw error;
    }
  }

  async read(tenantId: string, meetingId: string): Promise<HuddleView | undefined> {
    const stored = await this.sessions.get(tenantId, huddleDocumentId(meetingId));
    return stored ? this.view(stored.value, stored.etag) : undefined;
  }

  /**
   * Applies a facilitator's action to the version they saw (or the latest when none is given).
   * `connected` is who the server sees with the huddle open right now: the only people a new
   * speaking round is made of, and, with the actor, people seen taking part. `nameOf` names a new
   * round's speakers as Teams does.
   */
  async act(
    tenantId: string,
    meetingId: string,
    action: HuddleAction,
    expectedVersion?: string,
    connected: readonly string[] = [],
    nameOf?: NameOf,
  ): Promise<HuddleOutcome<HuddleView>> {
    const id = huddleDocumentId(meetingId);
    const stored = await this.sessions.get(tenantId, id);
    if (!stored) return { ok: false, refusal: "not_found" };
    if (expectedVersion && expectedVersion !== stored.etag) return { ok: false, refusal: "changed" };
    const session = stored.value;
    const attendees = await this.attendance.add(tenantId, id, instanceOf(session), [action.by, ...connected]);
    const resolved = this.resolve(session, action, attendees, connected);
    if (!resolved) return { ok: false, refusal: "not_participant" };
    const now = this.now();
    const result = applyHuddleAction(session.clock, resolved, now);
    if (!result.ok) return result;
    const speakerNames =
      result.state.speakers === session.clock.speakers
        ? session.speakerNames
        : await roundNames(session, result.state.speakers, connected, nameOf);
    const next = this.withPulseFor(tenantId, meetingId, { ...session, clock: result.state, changedAt: now, speakerNames }, attendees);
    try {
      const written = await this.sessions.replace(tenantId, id, next, { ifMatch: stored.etag, ttlSeconds: HUDDLE_TTL_SECONDS });
      // Who the server saw take part counts as a peer touchpoint this week, pseudonymously, and the
      // week's anonymous aggregate gains the session, its counted pulses and their distinct people.
      if (action.type === "end")
        await this.participation?.recordSession(tenantId, {
          userIds: attendees,
          at: new Date(now),
          touchpoint: touchpointOf(session.templateId),
          pulses: next.closedPulses.flatMap((pulse) => ("counts" in pulse ? [pulse.counts] : [])),
          pulseRespondents: next.respondents ?? [],
        });
      return { ok: true, value: this.view(next, written.etag) };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
  }

  /**
   * Notes people whose verified panels are connected to a running huddle, writing only when someone
   * is new to it.
   */
  async noteAttendance(tenantId: string, meetingId: string, userIds: readonly string[]): Promise<void> {
    const id = huddleDocumentId(meetingId);
    const session = (await this.sessions.get(tenantId, id))?.value;
    if (!session || session.clock.phase === "ended") return;
    await this.attendance.add(tenantId, id, instanceOf(session), userIds);
  }

  /**
   * Erasure: the person leaves every huddle of the tenant: its attendees, its pulse respondents and
   * its speaking round. A facilitator who leaves leaves the huddle without one until the organiser
   * takes over. Returns how many sessions changed.
   */
  async forget(tenantId: string, userId: string): Promise<number> {
    let changed = 0;
    // Strict: erasure that skipped a damaged session would leave the person in it unseen.
    for await (const page of this.sessions.pages(tenantId, { filters: [{}], limit: SESSION_PAGE }, { invalid: "throw" }))
      for (const stored of page) if (await this.forgetIn(tenantId, stored, userId)) changed++;
    return changed + (await this.attendance.forget(tenantId, userId));
  }

  private async forgetIn(tenantId: string, stored: CollectionDocument<HuddleSession>, userId: string): Promise<boolean> {
    const session = stored.value;
    const key = opaqueKey(session, userId);
    const listed = session.respondents?.includes(userId) || session.clock.speakers.includes(key);
    if (!listed && session.clock.facilitatorId !== userId) return false;
    const at = session.clock.speakers.indexOf(key);
    const speakers = session.clock.speakers.filter((speaker) => speaker !== key);
    const clock = {
      ...session.clock,
      speakers,
      speakerIndex: Math.max(
        0,
        Math.min(
          at >= 0 && at < session.clock.speakerIndex ? session.clock.speakerIndex - 1 : session.clock.speakerIndex,
          speakers.length - 1,
        ),
      ),
      facilitatorId: session.clock.facilitatorId === userId ? "" : session.clock.facilitatorId,
    };
    const { [key]: _erased, ...speakerNames } = session.speakerNames ?? {};
    const next: HuddleSession = {
      ...session,
      clock,
      respondents: (session.respondents ?? []).filter((other) => other !== userId),
      ...(session.speakerNames ? { speakerNames } : {}),
    };
    // A concurrent change wins; the erasure reads again on the person's next request to erase.
    await this.sessions.replace(tenantId, stored.id, next, { ifMatch: stored.etag, ttlSeconds: HUDDLE_TTL_SECONDS });
    return true;
  }

  /**
   * The clock works on opaque keys for speakers and on user ids for the facilitator. A round is made
   * of the connected people's keys; a hand-over names its new facilitator by key, and only someone
   * the server has seen in this huddle can receive it.
   */
  private resolve(
    session: HuddleSession,
    action: HuddleAction,
    attendees: readonly string[],
    connected: readonly string[],
  ): HuddleAction | undefined {
    if (action.type === "hand_over") {
      const to = attendees.find((userId) => opaqueKey(session, userId) === action.to);
      return to ? { ...action, to } : undefined;
    }
    if (action.type === "start" || action.type === "next" || action.type === "previous")
      return { ...action, participants: connected.map((userId) => opaqueKey(session, userId)) };
    return action;
  }

  /** One anonymous pulse answer per person per pulse step; answers commute, so a lost race is retried. */
  async answerPulse(tenantId: string, meetingId: string, userId: string, level: number): Promise<HuddleOutcome<HuddleView>> {
    const id = huddleDocumentId(meetingId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.sessions.get(tenantId, id);
      if (!stored) return { ok: false, refusal: "not_found" };
      const session = stored.value;
      if (!session.pulse || session.clock.phase === "ended") return { ok: false, refusal: "no_pulse" };
      const key = participantKey(tenantId, meetingId, session.clock.seed, session.pulse.stepId, userId);
      const recorded = recordPulseAnswer(session.pulse, key, level);
      if (!recorded.ok) return recorded;
      const next = { ...session, pulse: recorded.state };
      try {
        const written = await this.sessions.replace(tenantId, id, next, { ifMatch: stored.etag, ttlSeconds: HUDDLE_TTL_SECONDS });
        await this.attendance.add(tenantId, id, instanceOf(session), [userId]);
        return { ok: true, value: this.view(next, written.etag) };
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_PULSE_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Opens a pulse when a pulse step begins, and keeps only the counts of the one that closes. The
   * people whose answers a counted pulse holds become respondents, found by their keyed hashes.
   */
  private withPulseFor(tenantId: string, meetingId: string, session: HuddleSession, attendees: readonly string[]): HuddleSession {
    const step = session.steps[session.clock.stepIndex];
    const pulseStepOpen = session.clock.phase !== "ended" && step?.pulse === true;
    if (session.pulse && (!pulseStepOpen || session.pulse.stepId !== step?.id)) {
      const { pulse, ...rest } = session;
      const closed = closePulse(pulse);
      const answered = new Set(pulse.answeredKeys);
      const counted =
        "counts" in closed
          ? attendees.filter((userId) => answered.has(participantKey(tenantId, meetingId, session.clock.seed, pulse.stepId, userId)))
          : [];
      return this.withPulseFor(
        tenantId,
        meetingId,
        {
          ...rest,
          closedPulses: [...session.closedPulses, closed],
          respondents: [...new Set([...(session.respondents ?? []), ...counted])],
        } as HuddleSession,
        attendees,
      );
    }
    if (pulseStepOpen && !session.pulse) return { ...session, pulse: newPulse(step!.id) };
    return session;
  }

  private view(session: HuddleSession, version: string): HuddleView {
    return wireView(session, version, this.now());
  }
}

/** Circles and buddy check-ins run with their built-in templates count as those touchpoints. */
function touchpointOf(templateId: string): Touchpoint {
  if (templateId === "weekly-circle") return "circle";
  return templateId === "buddy-check-in" ? "buddy" : "huddle";
}

/**
 * Who answered is kept only as a keyed hash, different for every pulse step and session, so the
 * stored keys cannot be joined across huddles or traced back without the session's own seed.
 */
function participantKey(tenantId: string, meetingId: string, seed: number, stepId: string, userId: string): string {
  return createHmac("sha256", `${tenantId}:${meetingId}:${seed}`).update(`${stepId}:${userId}`).digest("base64url");
}
