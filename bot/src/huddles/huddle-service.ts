import { createHash, createHmac, randomBytes } from "node:crypto";
import {
  applyHuddleAction,
  closePulse,
  findBuiltInTemplate,
  newHuddleClock,
  newPulse,
  pulseDistribution,
  recordPulseAnswer,
  type HuddleAction,
  type HuddleClockState,
  type HuddleRefusal,
  type HuddleStep,
  type PulseState,
} from "../../../shared/index.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import type { Touchpoint } from "../../../shared/insights/insights-report.js";
import type { ParticipationRecorder } from "./participation.js";
import type { HuddleTemplateLibrary } from "./template-library.js";

/** A huddle session as stored: the clock, the template's words, and pulse counts. No one's words. */
export interface HuddleSession {
  [key: string]: unknown;
  kind: "huddle";
  templateId: string;
  templateName: string;
  steps: HuddleStep[];
  clock: HuddleClockState;
  pulse?: PulseState;
  closedPulses: ReturnType<typeof closePulse>[];
}

export interface HuddleView {
  session: Omit<HuddleSession, "pulse"> & { pulse?: { stepId: string; answers: number; distribution?: Record<number, number> } };
  version: string;
  serverNow: number;
}

export type HuddleOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      refusal:
        | HuddleRefusal
        | "not_found"
        | "already_running"
        | "unknown_template"
        | "changed"
        | "no_pulse"
        | "already_answered"
        | "invalid_level";
    };

/** Sessions end up deleted 30 days after their last change, keeping only anonymous aggregates elsewhere. */
export const HUDDLE_TTL_SECONDS = 30 * 86_400;
const MAX_PULSE_WRITE_ATTEMPTS = 8;

/** One meeting's id can hold characters Cosmos refuses in ids, so the document id is its hash. */
export function huddleDocumentId(meetingId: string): string {
  return `huddle-${createHash("sha256").update(meetingId).digest("hex").slice(0, 40)}`;
}

/**
 * Huddle sessions over the storage port. Every change is one ETag-conditional write; a change based
 * on a version that moved meanwhile is refused as "changed", so two clicks on "next" advance once.
 */
export class HuddleService {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
    private readonly participation?: ParticipationRecorder,
    private readonly templates?: Pick<HuddleTemplateLibrary, "find">,
  ) {}

  async create(tenantId: string, meetingId: string, templateId: string, facilitatorId: string): Promise<HuddleOutcome<HuddleView>> {
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
    };
    const id = huddleDocumentId(meetingId);
    const existing = await this.store.get<JsonObject>("huddles", tenantId, id);
    try {
      if (existing && (existing.value as unknown as HuddleSession).clock.phase !== "ended")
        return { ok: false, refusal: "already_running" };
      const stored = existing
        ? await this.store.replace("huddles", tenantId, id, session as unknown as JsonObject, {
            ifMatch: existing.etag,
            ttlSeconds: HUDDLE_TTL_SECONDS,
          })
        : await this.store.create("huddles", tenantId, id, session as unknown as JsonObject, { ttlSeconds: HUDDLE_TTL_SECONDS });
      return { ok: true, value: this.view(session, stored.etag) };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "already_running" };
      throw error;
    }
  }

  async read(tenantId: string, meetingId: string): Promise<HuddleView | undefined> {
    const stored = await this.store.get<JsonObject>("huddles", tenantId, huddleDocumentId(meetingId));
    return stored ? this.view(stored.value as unknown as HuddleSession, stored.etag) : undefined;
  }

  /** Applies a facilitator's action to the version they saw (or the latest when none is given). */
  async act(tenantId: string, meetingId: string, action: HuddleAction, expectedVersion?: string): Promise<HuddleOutcome<HuddleView>> {
    const id = huddleDocumentId(meetingId);
    const stored = await this.store.get<JsonObject>("huddles", tenantId, id);
    if (!stored) return { ok: false, refusal: "not_found" };
    if (expectedVersion && expectedVersion !== stored.etag) return { ok: false, refusal: "changed" };
    const session = stored.value as unknown as HuddleSession;
    const now = this.now();
    const result = applyHuddleAction(session.clock, action, now);
    if (!result.ok) return result;
    const next = this.withPulseFor({ ...session, clock: result.state });
    try {
      const written = await this.store.replace("huddles", tenantId, id, next as unknown as JsonObject, {
        ifMatch: stored.etag,
        ttlSeconds: HUDDLE_TTL_SECONDS,
      });
      // Who was there at the end counts as a peer touchpoint this week, pseudonymously, and the
      // week's anonymous aggregate gains the session and the counts of its pulses.
      if (action.type === "end")
        await this.participation?.recordSession(tenantId, {
          userIds: [...new Set([action.by, ...(action.participants ?? [])])],
          at: new Date(now),
          touchpoint: touchpointOf(session.templateId),
          pulses: next.closedPulses.flatMap((pulse) => ("counts" in pulse ? [pulse.counts] : [])),
        });
      return { ok: true, value: this.view(next, written.etag) };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
  }

  /** One anonymous pulse answer per person per pulse step; answers commute, so a lost race is retried. */
  async answerPulse(tenantId: string, meetingId: string, userId: string, level: number): Promise<HuddleOutcome<HuddleView>> {
    const id = huddleDocumentId(meetingId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.get<JsonObject>("huddles", tenantId, id);
      if (!stored) return { ok: false, refusal: "not_found" };
      const session = stored.value as unknown as HuddleSession;
      if (!session.pulse || session.clock.phase === "ended") return { ok: false, refusal: "no_pulse" };
      const key = participantKey(tenantId, meetingId, session.clock.seed, session.pulse.stepId, userId);
      const recorded = recordPulseAnswer(session.pulse, key, level);
      if (!recorded.ok) return recorded;
      const next = { ...session, pulse: recorded.state };
      try {
        const written = await this.store.replace("huddles", tenantId, id, next as unknown as JsonObject, {
          ifMatch: stored.etag,
          ttlSeconds: HUDDLE_TTL_SECONDS,
        });
        return { ok: true, value: this.view(next, written.etag) };
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_PULSE_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** Opens a pulse when a pulse step begins, and keeps only the counts of the one that closes. */
  private withPulseFor(session: HuddleSession): HuddleSession {
    const step = session.steps[session.clock.stepIndex];
    const pulseStepOpen = session.clock.phase !== "ended" && step?.pulse === true;
    if (session.pulse && (!pulseStepOpen || session.pulse.stepId !== step?.id)) {
      const { pulse, ...rest } = session;
      return this.withPulseFor({ ...rest, closedPulses: [...session.closedPulses, closePulse(pulse)] } as HuddleSession);
    }
    if (pulseStepOpen && !session.pulse) return { ...session, pulse: newPulse(step!.id) };
    return session;
  }

  private view(session: HuddleSession, version: string): HuddleView {
    const { pulse, ...rest } = session;
    return {
      session: {
        ...rest,
        // One view goes to every panel; facilitators read their notes from the template library.
        steps: rest.steps.map(({ facilitatorNotes: _notes, ...step }) => step),
        ...(pulse
          ? {
              pulse: {
                stepId: pulse.stepId,
                answers: pulse.answeredKeys.length,
                ...(pulseDistribution(pulse) ? { distribution: pulseDistribution(pulse)! } : {}),
              },
            }
          : {}),
      },
      version,
      serverNow: this.now(),
    };
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
