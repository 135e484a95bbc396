import { AppError, PULSE_LEVELS } from "../../../shared/index.js";
import { serverMessage } from "../http/server-messages.js";
import { meetingChatThreadOf, type HuddleChatSummary, type MeetingChat } from "../huddles/meeting-chat.js";
import type { Logger } from "../logger.js";
import { botMessages, format } from "./bot-messages.js";
import { formatCardText } from "./cards/user-text.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";

/**
 * Posts a huddle's summary into the meeting's own chat through the bot's proactive messenger
 * (botbuilder's CloudAdapter, the service-URL allow-list checked on the way). Teams lets the bot
 * write there once the app is in the meeting. Step and template names are someone's words, so
 * they go in as text only (no markdown, links or mentions); the rest is the catalogue's.
 */
export class TeamsMeetingChat implements MeetingChat {
  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly serviceUrl: string,
    private readonly logger: Logger,
  ) {}

  async post(tenantId: string, meetingId: string, summary: HuddleChatSummary, locale: string | undefined): Promise<void> {
    const thread = meetingChatThreadOf(meetingId);
    if (!thread) throw new AppError("conflict", serverMessage("huddleChatUnavailable"));
    const reference = {
      channelId: "msteams",
      serviceUrl: this.serviceUrl,
      conversation: { id: thread, isGroup: true, conversationType: "groupChat", tenantId },
    };
    try {
      await this.messenger.sendText(reference, summaryText(summary, locale));
    } catch (error) {
      this.logger.warn({ event: "huddles.summary_post_failed", errorName: (error as Error).name }, "summary not posted");
      throw new AppError("conflict", serverMessage("huddleChatUnavailable"), { cause: error });
    }
  }
}

/** The summary as chat text, in the poster's language; durations and counts through Intl. */
export function summaryText(summary: HuddleChatSummary, locale: string | undefined): string {
  const messages = botMessages(locale);
  const language = locale ?? "en";
  const time = (seconds: number) => {
    const unit = (value: number, name: "minute" | "second") =>
      new Intl.NumberFormat(language, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
    const minutes = Math.floor(seconds / 60);
    const rest = Math.round(seconds % 60);
    const parts = [...(minutes ? [unit(minutes, "minute")] : []), ...(rest || !minutes ? [unit(rest, "second")] : [])];
    return new Intl.ListFormat(language, { style: "narrow", type: "unit" }).format(parts);
  };
  const lines = [
    formatCardText(messages.huddleChatTitle, { name: summary.templateName }),
    format(messages.huddleChatTotal, { steps: String(summary.steps.length), time: time(summary.totalSeconds) }),
    ...summary.steps.map((step) => formatCardText(messages.huddleChatStep, { title: step.title, time: time(step.usedSeconds) })),
    ...summary.pulses.map((pulse) =>
      "counts" in pulse
        ? formatCardText(messages.huddleChatPulse, {
            title: pulse.title,
            count: String(PULSE_LEVELS.reduce((total, level) => total + pulse.counts[level], 0)),
            spread: PULSE_LEVELS.map((level) => `${level}: ${pulse.counts[level]}`).join(" · "),
          })
        : formatCardText(messages.huddleChatPulseWithheld, { title: pulse.title }),
    ),
    messages.huddleChatClose,
  ];
  return lines.join("\n\n");
}
