import { formatSessionForViewer } from "../../../shared/circles/circle-schedule.js";
import { format, type BotMessages } from "../bot/bot-messages.js";
import { adaptiveCard, openUrlAction, textBlock, type AdaptiveCard } from "../bot/cards/adaptive-card.js";
import { userText } from "../bot/cards/user-text.js";
import type { BuddyPairingDocument } from "./buddy-documents.js";

/**
 * The message each person gets when they are paired: who the other person is, and the suggested
 * first check-in on the reader's own clock (the zone they gave when they offered or asked), named,
 * so nobody has to work out the time difference.
 */
export function buddyPairedCard(
  messages: BotMessages,
  pairing: BuddyPairingDocument,
  reader: { userId: string; locale?: string },
  links: { calendarUrl?: string; appUrl?: string },
): AdaptiveCard {
  const isNewcomer = pairing.newcomer.userId === reader.userId;
  const self = isNewcomer ? pairing.newcomer : pairing.buddy;
  const partner = isNewcomer ? pairing.buddy : pairing.newcomer;
  const name = partner.displayName ? userText(partner.displayName) : messages.buddyCardSomeone;
  const when = formatSessionForViewer(new Date(pairing.checkIn.start), new Date(pairing.checkIn.end), {
    locale: knownLocale(reader.locale),
    timeZone: self.timeZone,
  });
  const actions = [
    ...(links.calendarUrl ? [openUrlAction({ title: messages.buddyCardAddToCalendar, url: links.calendarUrl })] : []),
    ...(links.appUrl ? [openUrlAction({ title: messages.buddyCardOpenApp, url: links.appUrl })] : []),
  ];
  return adaptiveCard({
    body: [
      textBlock({
        text: format(isNewcomer ? messages.buddyCardTitleNewcomer : messages.buddyCardTitleBuddy, { name }),
        size: "Large",
        weight: "Bolder",
        wrap: true,
        style: "heading",
      }),
      textBlock({
        text: format(isNewcomer ? messages.buddyCardIntroNewcomer : messages.buddyCardIntroBuddy, { name }),
        wrap: true,
      }),
      textBlock({ text: format(messages.buddyCardCheckIn, { when }), wrap: true, weight: "Bolder" }),
      textBlock({ text: messages.buddyCardCheckInHint, wrap: true }),
      textBlock({ text: messages.buddyCardPrivacy, wrap: true, isSubtle: true, spacing: "Medium" }),
    ],
    actions: actions.length ? actions : undefined,
  });
}

/** Teams sends the client's locale; one Intl does not know would throw, so it falls back to English. */
function knownLocale(locale: string | undefined): string {
  try {
    return locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : "en-GB";
  } catch {
    return "en-GB";
  }
}
