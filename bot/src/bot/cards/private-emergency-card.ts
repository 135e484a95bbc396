import type { CrisisLine } from "../../../../shared/index.js";
import type { BotMessages } from "../bot-messages.js";
import { emergencyBlock } from "./emergency-card.js";
import { adaptiveCard, textBlock, type AdaptiveCard } from "./adaptive-card.js";

/**
 * What the writer of crisis words in a group chat or channel gets in their one-to-one chat: the
 * emergency block first, then why it came here. It quotes nothing of what they wrote.
 */
export function privateEmergencyCard(messages: BotMessages, locale: string | undefined, lines?: readonly CrisisLine[]): AdaptiveCard {
  return adaptiveCard({
    body: [...emergencyBlock(messages, locale, lines), textBlock({ text: messages.privateCrisisFollowUp, wrap: true })],
  });
}
