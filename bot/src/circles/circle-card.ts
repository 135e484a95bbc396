import { formatSessionForViewer, nextSessions } from "../../../shared/circles/circle-schedule.js";
import { format, type BotMessages } from "../bot/bot-messages.js";
import { httpsLink } from "../bot/cards/card-links.js";
import type { AdaptiveCard } from "../bot/cards/help-card.js";
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
    ...(links.calendarUrl ? [{ type: "Action.OpenUrl", title: messages.circleCardAddToCalendar, url: links.calendarUrl }] : []),
    ...(joinUrl ? [{ type: "Action.OpenUrl", title: messages.circleCardJoin, url: joinUrl }] : []),
    ...(links.appUrl ? [{ type: "Action.OpenUrl", title: messages.circleCardOpenApp, url: links.appUrl }] : []),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: formatCardText(messages.circleCardTitle, { name: circle.name }),
        size: "Large",
        weight: "Bolder",
        wrap: true,
        style: "heading",
      },
      ...(circle.topic ? [{ type: "TextBlock", text: userText(circle.topic), wrap: true }] : []),
      { type: "TextBlock", text: messages[`circleCardCadence_${circle.recurrence.cadence}`], wrap: true },
      ...(when ? [{ type: "TextBlock", text: format(messages.circleCardFirstSession, { when }), wrap: true }] : []),
      ...(others.length ? [{ type: "TextBlock", text: format(messages.circleCardMembers, { names: others.join(", ") }), wrap: true }] : []),
      { type: "TextBlock", text: messages.circleCardPrivacy, wrap: true, isSubtle: true, spacing: "Medium" },
    ],
    ...(actions.length ? { actions } : {}),
  };
}
