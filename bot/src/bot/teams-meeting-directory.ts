import { TeamsInfo, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { MeetingDirectory, MeetingRole } from "../huddles/meeting-directory.js";
import type { Logger } from "../logger.js";
import { askTeams, BriefAnswers, isNotMemberAnswer } from "./ask-teams.js";

const MEMBER_CACHE_MS = 60_000;
/** A refusal is cached for less time, so someone who joins the meeting late gets in soon. */
const NON_MEMBER_CACHE_MS = 10_000;

/**
 * Asks Teams through the meeting-participant API (`TeamsInfo.getMeetingParticipant`), in a
 * proactive turn on the tenant's service URL. Answers are cached briefly: a huddle panel calls
 * several routes a minute. Any failure counts as "not a participant": joining a huddle is a privilege.
 */
/** One participant lookup's answer: the role, and the display name Teams gave with it. */
type Participant = { role: MeetingRole; name?: string | undefined } | undefined;

export class TeamsMeetingDirectory implements MeetingDirectory {
  private readonly answers: BriefAnswers<Participant>;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly serviceUrl: string,
    private readonly logger: Logger,
    now: () => number = Date.now,
  ) {
    this.answers = new BriefAnswers(now, (participant) => (participant ? MEMBER_CACHE_MS : NON_MEMBER_CACHE_MS));
  }

  async roleOf(tenantId: string, meetingId: string, userId: string): Promise<MeetingRole | undefined> {
    return (await this.participant(tenantId, meetingId, userId))?.role;
  }

  /** The same (cached) lookup as the role: a name is only ever given for someone Teams lists in the meeting. */
  async nameOf(tenantId: string, meetingId: string, userId: string): Promise<string | undefined> {
    return (await this.participant(tenantId, meetingId, userId))?.name;
  }

  private participant(tenantId: string, meetingId: string, userId: string): Promise<Participant> {
    return this.answers.get(`${tenantId}\u0000${meetingId}\u0000${userId}`, () => this.lookUp(tenantId, meetingId, userId));
  }

  private async lookUp(tenantId: string, meetingId: string, userId: string): Promise<Participant> {
    const reference: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: this.serviceUrl,
      conversation: { id: meetingId, isGroup: true, conversationType: "groupChat", name: "", tenantId },
    };
    try {
      const participant = await askTeams(this.adapter, this.botAppId, reference, (context) =>
        TeamsInfo.getMeetingParticipant(context, meetingId, userId, tenantId),
      );
      const role = participant.meeting?.role;
      const name = participant.user?.name?.trim().slice(0, 80) || undefined;
      return { role: role === "Organizer" || role === "Presenter" ? role : "Attendee", name };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (isNotMemberAnswer(error)) this.logger.info({ event: "huddles.not_a_participant", status }, "not a meeting participant");
      else
        this.logger.warn(
          { event: "huddles.participant_lookup_failed", errorName: (error as Error).name, status },
          "participant lookup failed",
        );
      return undefined;
    }
  }
}
