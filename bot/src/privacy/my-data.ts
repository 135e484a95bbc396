import type { ErasurePreview } from "../../../shared/api/index.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { BuddyService } from "../buddies/buddy-service.js";
import { revokeCalendarLinks } from "../circles/calendar-links.js";
import { circlesWith, deleteSignUp, removeFromCircle, signUpsOf } from "../circles/circle-personal-data.js";
import type { HuddleService } from "../huddles/huddle-service.js";
import type { ParticipationRecorder } from "../huddles/participation.js";
import type { RequestService } from "../requests/request-service.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { countRequests, exportedRequests, withdrawAndAnonymise, type WithdrawalListener } from "./my-request-data.js";

/** Everything stored about a person, as the export hands it to them (sent as JSON). */
export type MyDataExport = Awaited<ReturnType<MyDataService["export"]>>;

/** Person-specific documents in "settings", by id. */
const PERSONAL_SETTINGS = (userId: string) => [`prefs-${userId}`, `contact-${userId}`, `supporter-${userId}`];

/** The services that keep data of their own about a person, and the clock. */
export interface MyDataParts {
  buddies?: Pick<BuddyService, "exportFor" | "forget">;
  participation?: Pick<ParticipationRecorder, "forget" | "weeksOf">;
  /** Huddles list who the server saw take part, for their 30 days; erasure takes the person out. */
  huddles?: Pick<HuddleService, "forget">;
  now?: () => Date;
}

/**
 * Each member's own data (privacy rules 4–7): everything stored about them, and erasing it. Erasure
 * withdraws open requests and then removes their words and their link to the person; closed
 * requests stay only as anonymous aggregates (category, urgency, status, dates) for the programme's
 * figures. Memberships, sign-ups, join requests, buddy offers, requests and pairings, preferences
 * and the bot's address go entirely, and so do the pseudonymous participation events behind the
 * programme's weekly figures.
 */
export class MyDataService {
  private readonly buddies: Pick<BuddyService, "exportFor" | "forget"> | undefined;
  private readonly participation: Pick<ParticipationRecorder, "forget" | "weeksOf"> | undefined;
  private readonly huddles: Pick<HuddleService, "forget"> | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly store: DocumentStore,
    private readonly requests: RequestService,
    private readonly roles: RoleDirectory,
    parts: MyDataParts = {},
  ) {
    this.buddies = parts.buddies;
    this.participation = parts.participation;
    this.huddles = parts.huddles;
    this.now = parts.now ?? (() => new Date());
  }

  /**
   * Reads are complete or fail: a damaged document among the person's fails the export (reported,
   * InvalidDocumentError) instead of being left out of what they are told is everything.
   */
  async export(tenantId: string, userId: string) {
    const [requests, circles, signUps, settings, roles] = await Promise.all([
      exportedRequests(this.requests, tenantId, userId),
      this.circlesWith(tenantId, userId),
      this.signUps(tenantId, userId),
      Promise.all(PERSONAL_SETTINGS(userId).map((id) => this.store.get<JsonObject>("settings", tenantId, id))),
      this.roles.rolesOf(tenantId, userId),
    ]);
    const [preferences, contact] = settings;
    return {
      exportedAt: this.now().toISOString(),
      userId,
      roles,
      preferences: preferences?.value ?? null,
      botCanReachYou: Boolean(contact),
      requests,
      circles: circles.map((circle) => ({
        id: circle.id,
        name: circle.name,
        member: circle.members.some((member) => member.userId === userId),
        askedToJoin: (circle.joinRequests ?? []).some((person) => person.userId === userId),
        recurrence: circle.recurrence,
      })),
      signUps: signUps.map(({ value }) => value),
      buddies: (await this.buddies?.exportFor(tenantId, userId)) ?? null,
      participationWeeks: (await this.participation?.weeksOf(tenantId, userId)) ?? [],
    };
  }

  async preview(tenantId: string, userId: string): Promise<ErasurePreview> {
    const requests = await countRequests(this.requests, tenantId, userId);
    const circles = await this.circlesWith(tenantId, userId);
    const settings = await Promise.all(PERSONAL_SETTINGS(userId).map((id) => this.store.get("settings", tenantId, id)));
    const buddy = await this.buddies?.exportFor(tenantId, userId);
    return {
      openRequests: requests.open,
      closedRequests: requests.closed,
      circleMemberships: circles.filter((circle) => circle.members.some((member) => member.userId === userId)).length,
      joinRequests: circles.filter((circle) => (circle.joinRequests ?? []).some((person) => person.userId === userId)).length,
      signUps: (await this.signUps(tenantId, userId)).length,
      settings: settings.filter(Boolean).length,
      buddy: buddy ? buddy.pairings.length + (buddy.offer ? 1 : 0) + (buddy.request ? 1 : 0) : 0,
      participationWeeks: ((await this.participation?.weeksOf(tenantId, userId)) ?? []).length,
    };
  }

  /** `onWithdrawn` hears of each request withdrawn on the way, so supporters are told as of any withdrawal. */
  async erase(tenantId: string, userId: string, onWithdrawn?: WithdrawalListener): Promise<ErasurePreview> {
    const done = await this.preview(tenantId, userId);
    await withdrawAndAnonymise(this.store, this.requests, tenantId, userId, onWithdrawn);
    for (const circle of await this.circlesWith(tenantId, userId)) await removeFromCircle(this.store, tenantId, circle.id, userId);
    for (const signUp of await this.signUps(tenantId, userId)) await deleteSignUp(this.store, tenantId, signUp.id);
    for (const id of PERSONAL_SETTINGS(userId)) await this.store.delete("settings", tenantId, id);
    await this.buddies?.forget(tenantId, userId);
    await this.participation?.forget(tenantId, userId);
    await this.huddles?.forget(tenantId, userId);
    // The .ics links in their cards stop working too, whoever holds them now.
    await revokeCalendarLinks(this.store, tenantId, { userId });
    return done;
  }

  private circlesWith(tenantId: string, userId: string) {
    return circlesWith(this.store, tenantId, userId);
  }

  private signUps(tenantId: string, userId: string) {
    return signUpsOf(this.store, tenantId, userId);
  }
}
