import type { BotMessages } from "../bot-messages.js";
import type { AdaptiveCard } from "./help-card.js";
import { formatCardText, userText } from "./user-text.js";

export const RELAY_VERB = "relayMessage";
const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/** A message box that sends through the bot, so neither side needs the other's identity. */
export function relayComposer(messages: BotMessages, code: string, sendTitle: string): { body: unknown[]; actions: unknown[] } {
  return {
    body: [{ type: "Input.Text", id: "message", label: messages.relayInputLabel, isMultiline: true, maxLength: 2000 }],
    actions: [{ type: "Action.Execute", verb: RELAY_VERB, title: sendTitle, data: { code } }],
  };
}

/** What arrives on the other side: who it is from (a role, never a name for an anonymous requester), the words, a reply box. */
export function relayedMessageCard(messages: BotMessages, code: string, fromLabel: string, text: string, replyTitle: string): AdaptiveCard {
  const composer = relayComposer(messages, code, replyTitle);
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body: [
      { type: "TextBlock", text: formatCardText(messages.relayFrom, { from: fromLabel }), weight: "Bolder", wrap: true },
      { type: "TextBlock", text: userText(text, { multiline: true }), wrap: true },
      ...composer.body,
    ],
    actions: composer.actions,
  };
}

/** `text` is the bot's own (a catalogue string); any `{slot}` in it is filled from `values`, as someone's words. */
export function textWithComposerCard(
  messages: BotMessages,
  code: string,
  text: string,
  sendTitle: string,
  values: Record<string, string> = {},
): AdaptiveCard {
  const composer = relayComposer(messages, code, sendTitle);
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body: [{ type: "TextBlock", text: formatCardText(text, values), wrap: true }, ...composer.body],
    actions: composer.actions,
  };
}
