import { AppError, huddleSummary, type PulseLevel } from "../../../shared/index.js";
import { serverMessage } from "../http/server-messages.js";
import { ConflictError } from "../storage/store-errors.js";
import type { DocumentStore } from "../storage/document-store.js";
import { huddleSessions } from "./huddle-documents.js";
import { HUDDLE_TTL_SECONDS, huddleDocumentId, type HuddleServiceRefusal } from "./huddle-service.js";

/** What goes to the meeting chat after a huddle: what the panels' summary shows, and nothing anyone said. */
export interface HuddleChatSummary {
  templateName: string;
  steps: { title: string; usedSeconds: number }[];
  totalSeconds: number;
  /** Only pulses the server already revealed (three answers or more) carry counts. */
  pulses: ({ title: string; counts: Record<PulseLevel, number> } | { title: string; withheld: true })[];
}

/** Posts into a meeting's own chat, as the bot. Only bot/src/bot/ talks to botbuilder. */
export interface MeetingChat {
  post(tenantId: string, meetingId: string, summary: HuddleChatSummary, locale: string | undefined): Promise<void>;
}

/** With no way to reach Teams (development identity without a connector), there is no chat to post to. */
export const NO_MEETING_CHAT: MeetingChat = {
  post: async () => {
    throw new AppError("conflict", serverMessage("huddleChatUnavailable"));
  },
};

/**
 * The meeting chat's thread id inside a Teams meeting id, which is base64 of "0#<thread id>#0".
 * The chat is found from the meeting Teams confirmed the caller is in, never from an id sent in.
 */
export function meetingChatThreadOf(meetingId: string): string | undefined {
  const decoded = Buffer.from(meetingId, "base64").toString("utf8");
  const thread = /^0#(19:[A-Za-z0-9_\-.@:]+@thread\.(?:v2|skype|tacv2))(?:#\d+)?$/.exec(decoded)?.[1];
  return thread;
}

/**
 * Once per huddle, by its facilitator, after it ended: the summary goes to the meeting chat. The
 * session is marked before posting (an ETag-conditional write), so two clicks post once.
 */
export class HuddleSummaryPoster {
  private readonly sessions;

  constructor(
    store: DocumentStore,
    private readonly chat: MeetingChat,
  ) {
    this.sessions = huddleSessions(store);
  }

  async post(
    tenantId: string,
    meetingId: string,
    userId: string,
    locale?: string,
  ): Promise<{ ok: true } | { ok: false; refusal: HuddleServiceRefusal }> {
    const id = huddleDocumentId(meetingId);
    const stored = await this.sessions.get(tenantId, id);
    if (!stored) return { ok: false, refusal: "not_found" };
    const session = stored.value;
    if (session.clock.facilitatorId !== userId) return { ok: false, refusal: "not_facilitator" };
    if (session.clock.phase !== "ended" || session.summaryPosted === true) return { ok: false, refusal: "not_allowed_now" };
    try {
      await this.sessions.replace(
        tenantId,
        id,
        { ...session, summaryPosted: true },
        { ifMatch: stored.etag, ttlSeconds: HUDDLE_TTL_SECONDS },
      );
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
    const titleOf = (stepId: string) => session.steps.find((step) => step.id === stepId)?.title ?? stepId;
    const summary = huddleSummary(session.clock);
    const posting = this.chat.post(
      tenantId,
      meetingId,
      {
        templateName: session.templateName,
        steps: summary.steps.map((step) => ({ title: titleOf(step.stepId), usedSeconds: step.usedSeconds })),
        totalSeconds: summary.totalSeconds,
        pulses: session.closedPulses.map((pulse) =>
          "counts" in pulse
            ? { title: titleOf(pulse.stepId), counts: pulse.counts }
            : { title: titleOf(pulse.stepId), withheld: true as const },
        ),
      },
      locale,
    );
    try {
      await posting;
    } catch (error) {
      // Not posted, so the facilitator may try again; unless someone changed the session meanwhile.
      const marked = await this.sessions.get(tenantId, id);
      if (marked?.value.summaryPosted && marked.value.clock.endedAt === session.clock.endedAt)
        await this.sessions
          .replace(tenantId, id, { ...marked.value, summaryPosted: false }, { ifMatch: marked.etag, ttlSeconds: HUDDLE_TTL_SECONDS })
          .catch(() => undefined);
      throw error;
    }
    return { ok: true };
  }
}
