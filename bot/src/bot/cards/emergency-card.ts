import { countryOfLocale, crisisLinesFor, type CrisisLine } from "../../../../shared/index.js";
import type { BotMessages } from "../bot-messages.js";
import { addressLabel, markdownLink, resourceEmailLink, resourceSiteLink } from "./card-links.js";
import type { AdaptiveCard } from "./help-card.js";
import { formatCardText, userText } from "./user-text.js";

const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/**
 * The emergency block, as card elements: used alone after crisis language and inside other cards.
 * `lines` are the tenant's crisis lines when the caller has them; the shipped defaults otherwise.
 */
export function emergencyBlock(messages: BotMessages, locale: string | undefined, lines?: readonly CrisisLine[]): unknown[] {
  const ordered = crisisLinesFor(countryOfLocale(locale), lines);
  return [
    {
      type: "Container",
      style: "attention",
      bleed: true,
      items: [
        { type: "TextBlock", text: messages.emergencyTitle, weight: "Bolder", size: "Medium", wrap: true, style: "heading" },
        { type: "TextBlock", text: messages.emergencyIntro, wrap: true },
        { type: "TextBlock", text: messages.emergencyLocal, wrap: true, weight: "Bolder" },
        ...ordered.map((line) => ({
          type: "TextBlock",
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
        })),
      ],
    },
  ];
}

const linkTo = (checkedUrl: string | undefined) => (checkedUrl ? markdownLink(addressLabel(checkedUrl), checkedUrl) : undefined);

export function emergencyCard(messages: BotMessages, locale: string | undefined, lines?: readonly CrisisLine[]): AdaptiveCard {
  return { type: "AdaptiveCard", $schema: CARD_SCHEMA, version: "1.5", body: emergencyBlock(messages, locale, lines) };
}
