import { countryOfLocale, crisisLinesFor, type CrisisLine } from "../../../../shared/index.js";
import type { BotMessages } from "../bot-messages.js";
import { addressLabel, markdownLink, resourceEmailLink, resourceSiteLink } from "./card-links.js";
import { adaptiveCard, container, textBlock, type AdaptiveCard, type CardElement } from "./adaptive-card.js";
import { formatCardText, userText } from "./user-text.js";

/**
 * The emergency block, as card elements: used alone after crisis language and inside other cards.
 * `lines` are the tenant's crisis lines when the caller has them; the shipped defaults otherwise.
 */
export function emergencyBlock(messages: BotMessages, locale: string | undefined, lines?: readonly CrisisLine[]): CardElement[] {
  const ordered = crisisLinesFor(countryOfLocale(locale), lines);
  return [
    container({
      style: "attention",
      bleed: true,
      items: [
        textBlock({ text: messages.emergencyTitle, weight: "Bolder", size: "Medium", wrap: true, style: "heading" }),
        textBlock({ text: messages.emergencyIntro, wrap: true }),
        textBlock({ text: messages.emergencyLocal, wrap: true, weight: "Bolder" }),
        ...ordered.map((line) =>
          textBlock({
            wrap: true,
            spacing: "Small",
            // An admin types these; only the site and email, once checked like a resource contact, are links.
            text: [
              `**${userText(line.name)}**`,
              line.phone ? formatCardText(messages.emergencyCall, { phone: line.phone }) : undefined,
              linkTo(resourceSiteLink(line.url)),
              linkTo(resourceEmailLink(line.email)),
              formatCardText(messages.emergencyAvailability, { availability: line.availability }),
            ]
              .filter(Boolean)
              .join(" · "),
          }),
        ),
      ],
    }),
  ];
}

const linkTo = (checkedUrl: string | undefined) => (checkedUrl ? markdownLink(addressLabel(checkedUrl), checkedUrl) : undefined);

export function emergencyCard(messages: BotMessages, locale: string | undefined, lines?: readonly CrisisLine[]): AdaptiveCard {
  return adaptiveCard({ body: emergencyBlock(messages, locale, lines) });
}
