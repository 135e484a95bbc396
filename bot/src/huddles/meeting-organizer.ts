import { TeamsInfo, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { Logger } from "../logger.js";

/** Answers "is this person the organiser of this Teams meeting?" for the huddle take-over. */
export interface MeetingOrganizerCheck {
  isOrganizer(tenantId: string, meetingId: string, userId: string): Promise<boolean>;
}

/** Teams' global Bot Connector endpoint; it redirects each tenant to its region. */
export const TEAMS_GLOBAL_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

/** Used when the bot has no way to ask Teams: nobody is taken for the organiser on their word. */
export const NO_ORGANIZER_CHECK: MeetingOrganizerCheck = { isOrganizer: async () => false };

/**
 * Asks Teams through the meeting-participant API (`TeamsInfo.getMeetingParticipant`). It needs a
 * turn context only to reach the connector, so it opens one on the tenant's service URL the way a
 * proactive message does. Any failure counts as "not the organiser": taking over is a privilege.
 */
export class TeamsMeetingOrganizerCheck implements MeetingOrganizerCheck {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly serviceUrl: string,
    private readonly logger: Logger,
  ) {}

  async isOrganizer(tenantId: string, meetingId: string, userId: string): Promise<boolean> {
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
          role = participant.meeting?.role;
        } catch (error) {
          // Thrown out of here, the adapter's turn-error handler would swallow it and post an apology into the meeting chat.
          failure = { error };
        }
      });
      if (failure) throw failure.error;
    } catch (error) {
      this.logger.warn({ event: "huddles.organizer_lookup_failed", errorName: (error as Error).name }, "organiser lookup failed");
      return false;
    }
    return role === "Organizer";
  }
}
