import type { CircleView, PersonRef } from "../../../shared/circles/circle-programme.js";
import { nextSessions, type CircleRecurrence } from "../../../shared/circles/circle-schedule.js";
import { facilitatorSchedule } from "../../../shared/circles/facilitator-rotation.js";
import { zonedLocalToUtc } from "../../../shared/zoned-time.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { circleCalendar, type CircleCalendarText } from "./circle-calendar.js";

const CONTAINER = "circles";
const MAX_CIRCLES = 1000;
const MAX_LEAVE_ATTEMPTS = 5;

/** A circle as stored. `formedWith` keeps who it was formed with, for the grouping history. */
export interface CircleDocument {
  [key: string]: unknown;
  kind: "circle";
  id: string;
  name: string;
  topic?: string;
  roundId?: string;
  recurrence: CircleRecurrence;
  joinUrl?: string;
  members: PersonRef[];
  formedWith: string[];
  /** Who facilitated, oldest first, when a session was overridden; empty means the rotation ran as planned. */
  facilitatorHistory: string[];
  createdAt: string;
}

/** Circles as their members see them: schedule, members, whose turn it is to facilitate. */
export class CircleService {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async mine(tenantId: string, userId: string): Promise<CircleView[]> {
    return (await this.all(tenantId)).filter((circle) => circle.members.some((member) => member.userId === userId));
  }

  async all(tenantId: string): Promise<CircleView[]> {
    const stored = await this.store.query<JsonObject>(CONTAINER, tenantId, { where: { kind: "circle" }, limit: MAX_CIRCLES });
    return stored.map(({ value }) => this.view(value as unknown as CircleDocument)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Only members (or an admin, decided by the caller) get a circle; anyone else is told it does not exist. */
  async find(tenantId: string, circleId: string): Promise<CircleDocument | undefined> {
    if (!circleId.startsWith("circle-")) return undefined;
    const stored = await this.store.get<JsonObject>(CONTAINER, tenantId, circleId);
    const circle = stored?.value as unknown as CircleDocument | undefined;
    return circle?.kind === "circle" ? circle : undefined;
  }

  /** Leaving is quiet: nobody is told why, and the circle carries on with the others. */
  async leave(tenantId: string, circleId: string, userId: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.get<JsonObject>(CONTAINER, tenantId, circleId);
      const circle = stored?.value as unknown as CircleDocument | undefined;
      if (!stored || circle?.kind !== "circle" || !circle.members.some((member) => member.userId === userId)) return false;
      const next = { ...circle, members: circle.members.filter((member) => member.userId !== userId) };
      try {
        await this.store.replace(CONTAINER, tenantId, circleId, next as unknown as JsonObject, { ifMatch: stored.etag });
        return true;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_LEAVE_ATTEMPTS) throw error;
      }
    }
  }

  calendar(circle: CircleDocument, text: CircleCalendarText): string {
    return circleCalendar({
      uid: `${circle.id}@peer-circles`,
      circleName: circle.name,
      ...(circle.topic ? { topic: circle.topic } : {}),
      recurrence: circle.recurrence,
      ...(circle.joinUrl ? { joinUrl: circle.joinUrl } : {}),
      text,
      now: this.now(),
    });
  }

  private view(circle: CircleDocument): CircleView {
    const nextFacilitatorId = this.nextFacilitator(circle);
    return {
      id: circle.id,
      name: circle.name,
      ...(circle.topic ? { topic: circle.topic } : {}),
      ...(circle.roundId ? { roundId: circle.roundId } : {}),
      recurrence: circle.recurrence,
      ...(circle.joinUrl ? { joinUrl: circle.joinUrl } : {}),
      members: circle.members,
      ...(nextFacilitatorId ? { nextFacilitatorId } : {}),
    };
  }

  /** The rotation replayed over the sessions already held, so everyone willing goes before anyone twice. */
  private nextFacilitator(circle: CircleDocument): string | undefined {
    const members = circle.members.map((member) => ({ id: member.userId, willing: true }));
    if (members.length === 0) return undefined;
    const firstStart = zonedLocalToUtc(circle.recurrence.startDate, circle.recurrence.localTime, circle.recurrence.timeZone);
    const now = this.now();
    const held = now <= firstStart ? 0 : nextSessions(circle.recurrence, firstStart, 1000).filter((session) => session.end <= now).length;
    return facilitatorSchedule(members, circle.facilitatorHistory, held + 1).at(-1);
  }
}
