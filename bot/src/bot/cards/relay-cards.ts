import type { BotMessages } from "../bot-messages.js";
import {
  adaptiveCard,
  executeAction,
  inputText,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from "./adaptive-card.js";
import { formatCardText, userText } from "./user-text.js";

export const RELAY_VERB = "relayMessage";

/** A message box that sends through the bot, so neither side needs the other's identity. */
export function relayComposer(messages: BotMessages, code: string, sendTitle: string): { body: CardElement[]; actions: CardAction[] } {
  return {
    body: [inputText({ id: "message", label: messages.relayInputLabel, isMultiline: true, maxLength: 2000 })],
    actions: [executeAction({ verb: RELAY_VERB, title: sendTitle, data: { code } })],
  };
}

/** What arrives on the other side: who it is from (a role, never a name for an anonymous requester), the words, a reply box. */
export function relayedMessageCard(messages: BotMessages, code: string, fromLabel: string, text: string, replyTitle: string): AdaptiveCard {
  const composer = relayComposer(messages, code, replyTitle);
  return adaptiveCard({
    body: [
      textBlock({ text: formatCardText(messages.relayFrom, { from: fromLabel }), weight: "Bolder", wrap: true }),
      textBlock({ text: userText(text, { multiline: true }), wrap: true }),
      ...composer.body,
    ],
    actions: composer.actions,
  });
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
  return adaptiveCard({
    body: [textBlock({ text: formatCardText(text, values), wrap: true }), ...composer.body],
    actions: composer.actions,
  });
}
