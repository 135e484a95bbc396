import type { CircleEditInput, CircleView, PersonRef, TeamCircleView } from "../../../shared/circles/circle-programme.js";
import { nextSessions } from "../../../shared/circles/circle-schedule.js";
import { facilitatorSchedule } from "../../../shared/circles/facilitator-rotation.js";
import { zonedLocalToUtc } from "../../../shared/zoned-time.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { revokeCalendarLinks } from "./calendar-links.js";
import { circleDocuments, type CircleDocument } from "./circle-documents.js";
import { circleCalendar, type CircleCalendarText } from "./circle-calendar.js";

const MAX_CIRCLES = 1000;
const MAX_WRITE_ATTEMPTS = 5;

export type { CircleDocument } from "./circle-documents.js";

/** Circles as their members see them: schedule, members, whose turn it is to facilitate. */
export class CircleService {
  private readonly circles;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.circles = circleDocuments(store);
  }

  async mine(tenantId: string, userId: string): Promise<CircleView[]> {
    return (await this.documents(tenantId))
      .filter((circle) => circle.members.some((member) => member.userId === userId))
      .map((circle) => this.view(circle));
  }

  /** Every circle, with the admin-only team link and join requests. */
  async all(tenantId: string): Promise<CircleView[]> {
    return (await this.documents(tenantId)).map((circle) => ({
      ...this.view(circle),
      ...(circle.teamKey ? { teamKey: circle.teamKey } : {}),
      joinRequests: circle.joinRequests ?? [],
    }));
  }

  /** The circles a team's tab lists: schedules and sizes, never who is in them. */
  async forTeam(tenantId: string, teamKey: string, callerId: string): Promise<TeamCircleView[]> {
    const circles = await this.circles.query(tenantId, { where: { teamKey }, limit: MAX_CIRCLES });
    return circles
      .map(({ value }) => value)
      .map((circle) => ({
        id: circle.id,
        name: circle.name,
        ...(circle.topic ? { topic: circle.topic } : {}),
        recurrence: circle.recurrence,
        memberCount: circle.members.length,
        isMember: circle.members.some((member) => member.userId === callerId),
        requested: (circle.joinRequests ?? []).some((person) => person.userId === callerId),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async edit(tenantId: string, circleId: string, change: CircleEditInput): Promise<CircleView | undefined> {
    const edited = await this.update(tenantId, circleId, (circle) => {
      const { teamKey: _teamKey, joinUrl: _joinUrl, ...rest } = circle;
      const teamKey = change.teamKey === undefined ? circle.teamKey : (change.teamKey ?? undefined);
      const joinUrl = change.joinUrl === undefined ? circle.joinUrl : change.joinUrl || undefined;
      return {
        ...rest,
        ...(change.name ? { name: change.name } : {}),
        ...(change.topic !== undefined ? { topic: change.topic } : {}),
        ...(teamKey ? { teamKey } : {}),
        ...(joinUrl ? { joinUrl } : {}),
        members: circle.members.filter((member) => !change.removeMembers?.includes(member.userId)),
      };
    });
    // Someone removed loses their calendar link too, for good: being let back in gives a new one.
    if (edited)
      for (const userId of change.removeMembers ?? []) await revokeCalendarLinks(this.store, tenantId, { userId, subjectId: circleId });
    return edited;
  }

  /** Asking to join is recorded once; an admin decides. Members of the circle cannot ask again. */
  async requestToJoin(tenantId: string, circleId: string, person: PersonRef, teamKey: string): Promise<boolean> {
    const updated = await this.update(tenantId, circleId, (circle) => {
      if (circle.teamKey !== teamKey || circle.members.some((member) => member.userId === person.userId)) return undefined;
      if ((circle.joinRequests ?? []).some((requester) => requester.userId === person.userId)) return circle;
      return { ...circle, joinRequests: [...(circle.joinRequests ?? []), person] };
    });
    return Boolean(updated);
  }

  async decideJoin(tenantId: string, circleId: string, userId: string, approve: boolean): Promise<CircleView | undefined> {
    return this.update(tenantId, circleId, (circle) => {
      const requester = (circle.joinRequests ?? []).find((person) => person.userId === userId);
      if (!requester) return undefined;
      return {
        ...circle,
        joinRequests: (circle.joinRequests ?? []).filter((person) => person.userId !== userId),
        members: approve ? [...circle.members, requester] : circle.members,
      };
    });
  }

  private async documents(tenantId: string): Promise<CircleDocument[]> {
    const stored = await this.circles.query(tenantId, { limit: MAX_CIRCLES });
    return stored.map(({ value }) => value).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Read, change, write with the version read; retried when someone else wrote in between. */
  private async update(
    tenantId: string,
    circleId: string,
    change: (circle: CircleDocument) => CircleDocument | undefined,
  ): Promise<CircleView | undefined> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.circles.get(tenantId, circleId);
      if (!stored) return undefined;
      const next = change(stored.value);
      if (!next) return undefined;
      try {
        await this.circles.replace(tenantId, circleId, next, { ifMatch: stored.etag });
        return this.view(next);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** Only members (or an admin, decided by the caller) get a circle; anyone else is told it does not exist. */
  async find(tenantId: string, circleId: string): Promise<CircleDocument | undefined> {
    if (!circleId.startsWith("circle-")) return undefined;
    return (await this.circles.get(tenantId, circleId))?.value;
  }

  /** Leaving is quiet: nobody is told why, and the circle carries on with the others. */
  async leave(tenantId: string, circleId: string, userId: string): Promise<boolean> {
    const updated = await this.update(tenantId, circleId, (circle) =>
      circle.members.some((member) => member.userId === userId)
        ? { ...circle, members: circle.members.filter((member) => member.userId !== userId) }
        : undefined,
    );
    if (updated) await revokeCalendarLinks(this.store, tenantId, { userId, subjectId: circleId });
    return Boolean(updated);
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

  /**
   * A member offers to facilitate the next session (or an admin names a member to). It replaces the
   * rotation's pick for that one session and counts as their turn once the session has been held.
   */
  async facilitateNext(tenantId: string, circleId: string, userId: string): Promise<CircleView | undefined> {
    return this.update(tenantId, circleId, (circle) => {
      if (!circle.members.some((member) => member.userId === userId)) return undefined;
      const [next] = nextSessions(circle.recurrence, this.now(), 1);
      if (!next) return undefined;
      const held = circle.facilitatorOverride && Date.parse(circle.facilitatorOverride.sessionStart) < this.now().getTime();
      return {
        ...circle,
        // An override whose session has passed becomes history, so the rotation knows that turn was taken.
        facilitatorHistory: held ? [...circle.facilitatorHistory, circle.facilitatorOverride!.userId] : circle.facilitatorHistory,
        facilitatorOverride: { sessionStart: next.start.toISOString(), userId },
      };
    });
  }

  private view(circle: CircleDocument): CircleView {
    const nextFacilitatorId = this.nextFacilitator(circle);
    const sessionsHeld = this.sessionsHeld(circle);
    return {
      id: circle.id,
      name: circle.name,
      ...(circle.topic ? { topic: circle.topic } : {}),
      ...(circle.roundId ? { roundId: circle.roundId } : {}),
      recurrence: circle.recurrence,
      ...(circle.joinUrl ? { joinUrl: circle.joinUrl } : {}),
      members: circle.members,
      ...(nextFacilitatorId ? { nextFacilitatorId } : {}),
      sessionsHeld,
      ...(circle.sessionsPlanned ? { sessionsPlanned: circle.sessionsPlanned, reformDue: sessionsHeld >= circle.sessionsPlanned } : {}),
    };
  }

  private sessionsHeld(circle: CircleDocument): number {
    const firstStart = zonedLocalToUtc(circle.recurrence.startDate, circle.recurrence.localTime, circle.recurrence.timeZone);
    const now = this.now();
    return now <= firstStart ? 0 : nextSessions(circle.recurrence, firstStart, 1000).filter((session) => session.end <= now).length;
  }

  /** The rotation replayed over the sessions already held, so everyone willing goes before anyone twice. */
  private nextFacilitator(circle: CircleDocument): string | undefined {
    const members = circle.members.map((member) => ({ id: member.userId, willing: true }));
    if (members.length === 0) return undefined;
    const [next] = nextSessions(circle.recurrence, this.now(), 1);
    const override = circle.facilitatorOverride;
    if (override && next && override.sessionStart === next.start.toISOString() && members.some((member) => member.id === override.userId))
      return override.userId;
    return facilitatorSchedule(members, circle.facilitatorHistory, this.sessionsHeld(circle) + 1).at(-1);
  }
}
