import type { BotMessageKey, BotMessages } from "../bot-messages.js";
import { listedCommands } from "../commands/command-registry.js";
import type { CommandRole } from "../commands/registry-types.js";

/** An Adaptive Card 1.5 payload. Kept as plain JSON so it can be snapshot-tested and rendered anywhere. */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: unknown[];
  actions?: unknown[];
}

const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/** The heading over each role's commands in the help card. */
const ROLE_HEADINGS: Record<CommandRole, BotMessageKey> = {
  everyone: "helpWhatICanDo",
  supporter: "helpForSupporter",
  admin: "helpForAdmin",
};

/** One heading and list per role, from the command registry's personal-chat commands. */
function commandSections(messages: BotMessages): unknown[] {
  const roles = Object.keys(ROLE_HEADINGS) as CommandRole[];
  return roles.flatMap((role) => {
    const commands = listedCommands("personal").filter((command) => command.role === role);
    if (commands.length === 0) return [];
    return [
      { type: "TextBlock", text: messages[ROLE_HEADINGS[role]], weight: "Bolder", wrap: true, spacing: "Medium", style: "heading" },
      { type: "FactSet", facts: commands.map((command) => ({ title: command.names[0], value: messages[command.helpKey] })) },
    ];
  });
}

export function helpCard(messages: BotMessages, resourcesUrl?: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body: [
      { type: "TextBlock", text: messages.helpTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" },
      { type: "TextBlock", text: messages.helpIntro, wrap: true },
      ...commandSections(messages),
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
