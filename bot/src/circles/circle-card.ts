import { formatSessionForViewer, nextSessions } from "../../../shared/circles/circle-schedule.js";
import { format, type BotMessages } from "../bot/bot-messages.js";
import { httpsLink } from "../bot/cards/card-links.js";
import { adaptiveCard, openUrlAction, textBlock, type AdaptiveCard } from "../bot/cards/adaptive-card.js";
import { formatCardText, userText } from "../bot/cards/user-text.js";
import type { CircleDocument } from "./circle-service.js";

/**
 * The message each member gets when their circle is published: when it meets (in the circle's own
 * time zone, named, since the bot does not know where the reader is), who else is in it, and links
 * to add it to their calendar and to open the app.
 */
export function circlePublishedCard(
  messages: BotMessages,
  circle: CircleDocument,
  reader: { userId: string; locale?: string },
  links: { calendarUrl?: string; appUrl?: string },
  now: Date,
): AdaptiveCard {
  const [first] = nextSessions(circle.recurrence, now, 1);
  const locale = reader.locale ?? "en-GB";
  const when = first ? formatSessionForViewer(first.start, first.end, { locale, timeZone: circle.recurrence.timeZone }) : "";
  const others = circle.members
    .filter((member) => member.userId !== reader.userId)
    .map((member) => (member.displayName ? userText(member.displayName, { atLineStart: false }) : messages.circleCardSomeone));
  // The meeting link is an admin's, checked as https when saved; checked again, since it becomes a button.
  const joinUrl = httpsLink(circle.joinUrl);
  const actions = [
    ...(links.calendarUrl ? [openUrlAction({ title: messages.circleCardAddToCalendar, url: links.calendarUrl })] : []),
    ...(joinUrl ? [openUrlAction({ title: messages.circleCardJoin, url: joinUrl })] : []),
    ...(links.appUrl ? [openUrlAction({ title: messages.circleCardOpenApp, url: links.appUrl })] : []),
  ];
  return adaptiveCard({
    body: [
      textBlock({
        text: formatCardText(messages.circleCardTitle, { name: circle.name }),
        size: "Large",
        weight: "Bolder",
        wrap: true,
        style: "heading",
      }),
      ...(circle.topic ? [textBlock({ text: userText(circle.topic), wrap: true })] : []),
      textBlock({ text: messages[`circleCardCadence_${circle.recurrence.cadence}`], wrap: true }),
      ...(when ? [textBlock({ text: format(messages.circleCardFirstSession, { when }), wrap: true })] : []),
      ...(others.length ? [textBlock({ text: format(messages.circleCardMembers, { names: others.join(", ") }), wrap: true })] : []),
      textBlock({ text: messages.circleCardPrivacy, wrap: true, isSubtle: true, spacing: "Medium" }),
    ],
    actions: actions.length ? actions : undefined,
  });
}
