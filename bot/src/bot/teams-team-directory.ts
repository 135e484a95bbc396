import { TeamsInfo, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { TeamDirectory } from "../circles/team-directory.js";
import type { Logger } from "../logger.js";
import { askTeams, BriefAnswers, isNotMemberAnswer } from "./ask-teams.js";

const MEMBER_CACHE_MS = 60_000;
/** A refusal is cached for less time, so someone just added to the team gets in soon. */
const NON_MEMBER_CACHE_MS = 10_000;

/**
 * Asks Teams through the conversation-member API (`TeamsInfo.getTeamMember`, which is
 * `GET /v3/conversations/{teamId}/members/{userId}`). It needs a turn context only to reach the
 * connector, so it opens one on the service URL the way a proactive message does. Teams answers
 * for any team the bot is in, so the member it returns must be this caller in this tenant. Answers
 * are cached briefly: a team tab lists and asks within seconds. Any failure counts as "not a member".
 */
export class TeamsTeamDirectory implements TeamDirectory {
  private readonly answers: BriefAnswers<boolean>;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly serviceUrl: string,
    private readonly logger: Logger,
    now: () => number = Date.now,
  ) {
    this.answers = new BriefAnswers(now, (member) => (member ? MEMBER_CACHE_MS : NON_MEMBER_CACHE_MS));
  }

  isMember(tenantId: string, teamKey: string, userId: string): Promise<boolean> {
    return this.answers.get(`${tenantId}\u0000${teamKey}\u0000${userId}`, () => this.lookUp(tenantId, teamKey, userId));
  }

  private async lookUp(tenantId: string, teamKey: string, userId: string): Promise<boolean> {
    const reference: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: this.serviceUrl,
      conversation: { id: teamKey, isGroup: true, conversationType: "channel", name: "", tenantId },
    };
    let account: { aadObjectId?: string; tenantId?: string } | undefined;
    try {
      account = await askTeams(this.adapter, this.botAppId, reference, (context) => TeamsInfo.getTeamMember(context, teamKey, userId));
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (isNotMemberAnswer(error)) this.logger.info({ event: "teams.not_a_member", status }, "not a team member");
      else this.logger.warn({ event: "teams.member_lookup_failed", errorName: (error as Error).name, status }, "team member lookup failed");
      return false;
    }
    const samePerson = account?.aadObjectId?.toLowerCase() === userId.toLowerCase();
    // A team of another tenant the bot is also in: its roster says nothing about this tenant's people.
    const sameTenant = account?.tenantId === undefined || account.tenantId === tenantId;
    if (!samePerson || !sameTenant)
      this.logger.warn({ event: "teams.member_mismatch", samePerson, sameTenant }, "team member not this caller");
    return samePerson && sameTenant;
  }
}
