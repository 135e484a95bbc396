import { TeamsInfo, type CloudAdapter, type ConversationReference } from "botbuilder";
import { DEV_USERS } from "../auth/dev-identity.js";
import type { Logger } from "../logger.js";

/** A person's part in a Teams meeting, as Teams reports it. */
export type MeetingRole = "Organizer" | "Presenter" | "Attendee";

/**
 * Answers "is this person in this Teams meeting, and as what?". Only Teams can say: a meeting id
 * sent by a client proves nothing, so every huddle route asks here before anything else.
 * `undefined` means not a participant, or not known to be one.
 */
export interface MeetingDirectory {
  roleOf(tenantId: string, meetingId: string, userId: string): Promise<MeetingRole | undefined>;
}

/** Teams' global Bot Connector endpoint; it redirects each tenant to its region. */
export const TEAMS_GLOBAL_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

/** Used when the bot has no way to ask Teams: nobody is taken for a participant on their word. */
export const NO_MEETING_DIRECTORY: MeetingDirectory = { roleOf: async () => undefined };

/**
 * Development identity mode's declared sample roster: every sample person attends every meeting
 * and nobody is its organiser, so the take-over stays a Teams-only privilege.
 */
export const DEV_MEETING_ROSTER: MeetingDirectory = {
  roleOf: async (_tenantId, _meetingId, userId) => (DEV_USERS.some((user) => user.userId === userId) ? "Attendee" : undefined),
};

const MEMBER_CACHE_MS = 60_000;
/** A refusal is cached for less time, so someone who joins the meeting late gets in soon. */
const NON_MEMBER_CACHE_MS = 10_000;
const MAX_CACHED_ANSWERS = 10_000;

/**
 * Asks Teams through the meeting-participant API (`TeamsInfo.getMeetingParticipant`), which needs
 * a turn context only to reach the connector, so it opens one on the tenant's service URL the way a
 * proactive message does. Answers are cached briefly: a huddle panel calls several routes a minute.
 * Any failure counts as "not a participant": joining a huddle is a privilege.
 */
export class TeamsMeetingDirectory implements MeetingDirectory {
  private readonly answers = new Map<string, { role: MeetingRole | undefined; until: number }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly serviceUrl: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async roleOf(tenantId: string, meetingId: string, userId: string): Promise<MeetingRole | undefined> {
    const key = `${tenantId}\u0000${meetingId}\u0000${userId}`;
    const cached = this.answers.get(key);
    if (cached && cached.until > this.now()) return cached.role;
    const role = await this.lookUp(tenantId, meetingId, userId);
    if (this.answers.size >= MAX_CACHED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { role, until: this.now() + (role ? MEMBER_CACHE_MS : NON_MEMBER_CACHE_MS) });
    return role;
  }

  private async lookUp(tenantId: string, meetingId: string, userId: string): Promise<MeetingRole | undefined> {
    const reference: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: this.serviceUrl,
      conversation: { id: meetingId, isGroup: true, conversationType: "groupChat", name: "", tenantId },
    };
    let role: string | undefined;
    try {
      let failure: { error: unknown } | undefined;
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          const participant = await TeamsInfo.getMeetingParticipant(context, meetingId, userId, tenantId);
          role = participant.meeting?.role ?? "Attendee";
        } catch (error) {
          // Thrown out of here, the adapter's turn-error handler would swallow it and post an apology into the meeting chat.
          failure = { error };
        }
      });
      if (failure) throw failure.error;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      // Teams answering "not in this meeting" is an ordinary answer; anything else is a failure to ask.
      if (status === 404 || status === 403) this.logger.info({ event: "huddles.not_a_participant", status }, "not a meeting participant");
      else
        this.logger.warn(
          { event: "huddles.participant_lookup_failed", errorName: (error as Error).name, status },
          "participant lookup failed",
        );
      return undefined;
    }
    return role === "Organizer" || role === "Presenter" ? role : "Attendee";
  }
}
