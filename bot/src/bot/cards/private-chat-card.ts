import type { BotMessages } from "../bot-messages.js";
import { adaptiveCard, openUrlAction, textBlock, type AdaptiveCard } from "./adaptive-card.js";

/** In a channel or group chat: a pointer to the one-to-one chat with the bot, and nothing else. */
export function privateChatPointerCard(messages: BotMessages, botId: string): AdaptiveCard {
  // A Teams deep link to a chat with the bot itself, so the link comes from the bot's own id, never from anyone's words.
  const chatLink = `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId.replace(/^28:/, ""))}`;
  return adaptiveCard({
    body: [textBlock({ text: messages.privateChatOnly, wrap: true })],
    actions: [openUrlAction({ title: messages.privateChatAction, url: chatLink })],
  });
}
