import type { BotMessages } from "../bot-messages.js";

/** An Adaptive Card 1.5 payload. Kept as plain JSON so it can be snapshot-tested and rendered anywhere. */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: unknown[];
  actions?: unknown[];
}

const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

export function helpCard(messages: BotMessages, resourcesUrl?: string): AdaptiveCard {
  const commands: [string, string][] = [
    ["help", messages.helpCommandHelp],
    ["talk to someone", messages.helpCommandTalk],
    ["my requests", messages.helpCommandRequests],
    ["resources", messages.helpCommandResources],
  ];
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body: [
      { type: "TextBlock", text: messages.helpTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" },
      { type: "TextBlock", text: messages.helpIntro, wrap: true },
      { type: "TextBlock", text: messages.helpWhatICanDo, weight: "Bolder", wrap: true, spacing: "Medium", style: "heading" },
      { type: "FactSet", facts: commands.map(([title, value]) => ({ title, value })) },
      { type: "TextBlock", text: messages.helpWhoSeesWhat, weight: "Bolder", wrap: true, spacing: "Medium", style: "heading" },
      ...[messages.helpPrivacyRequester, messages.helpPrivacyAnonymous, messages.helpPrivacyAdmins, messages.helpScreenLimits].map(
        (text) => ({
          type: "TextBlock",
          text: `• ${text}`,
          wrap: true,
          spacing: "Small",
        }),
      ),
      {
        type: "Container",
        style: "attention",
        spacing: "Medium",
        items: [
          { type: "TextBlock", text: messages.helpNotEmergency, weight: "Bolder", wrap: true },
          { type: "TextBlock", text: messages.helpEmergency, wrap: true },
        ],
      },
    ],
    ...(resourcesUrl ? { actions: [{ type: "Action.OpenUrl", title: messages.helpOpenResources, url: resourcesUrl }] } : {}),
  };
}
