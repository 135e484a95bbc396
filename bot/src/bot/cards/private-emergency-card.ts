import type { CrisisLine } from "../../../../shared/index.js";
import type { BotMessages } from "../bot-messages.js";
import { emergencyBlock } from "./emergency-card.js";
import type { AdaptiveCard } from "./help-card.js";

const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/**
 * What the writer of crisis words in a group chat or channel gets in their one-to-one chat: the
 * emergency block first, then why it came here. It quotes nothing of what they wrote.
 */
export function privateEmergencyCard(messages: BotMessages, locale: string | undefined, lines?: readonly CrisisLine[]): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body: [...emergencyBlock(messages, locale, lines), { type: "TextBlock", text: messages.privateCrisisFollowUp, wrap: true }],
  };
}
