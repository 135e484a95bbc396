import type { BotMessageKey, BotMessages } from "../bot-messages.js";
import { listedCommands } from "../commands/command-registry.js";
import type { CommandRole } from "../commands/registry-types.js";
import { adaptiveCard, container, factSet, openUrlAction, textBlock, type AdaptiveCard, type CardElement } from "./adaptive-card.js";

/** The heading over each role's commands in the help card. */
const ROLE_HEADINGS: Record<CommandRole, BotMessageKey> = {
  everyone: "helpWhatICanDo",
  supporter: "helpForSupporter",
  admin: "helpForAdmin",
};

/** One heading and list per role, from the command registry's personal-chat commands. */
function commandSections(messages: BotMessages): CardElement[] {
  const roles = Object.keys(ROLE_HEADINGS) as CommandRole[];
  return roles.flatMap((role) => {
    const commands = listedCommands("personal").filter((command) => command.role === role);
    if (commands.length === 0) return [];
    return [
      textBlock({ text: messages[ROLE_HEADINGS[role]], weight: "Bolder", wrap: true, spacing: "Medium", style: "heading" }),
      factSet({ facts: commands.map((command) => ({ title: command.names[0], value: messages[command.helpKey] })) }),
    ];
  });
}

export function helpCard(messages: BotMessages, resourcesUrl?: string): AdaptiveCard {
  return adaptiveCard({
    body: [
      textBlock({ text: messages.helpTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" }),
      textBlock({ text: messages.helpIntro, wrap: true }),
      ...commandSections(messages),
      textBlock({ text: messages.helpWhoSeesWhat, weight: "Bolder", wrap: true, spacing: "Medium", style: "heading" }),
      ...[messages.helpPrivacyRequester, messages.helpPrivacyAnonymous, messages.helpPrivacyAdmins, messages.helpScreenLimits].map((text) =>
        textBlock({ text: `• ${text}`, wrap: true, spacing: "Small" }),
      ),
      container({
        style: "attention",
        spacing: "Medium",
        items: [
          textBlock({ text: messages.helpNotEmergency, weight: "Bolder", wrap: true }),
          textBlock({ text: messages.helpEmergency, wrap: true }),
        ],
      }),
    ],
    actions: resourcesUrl ? [openUrlAction({ title: messages.helpOpenResources, url: resourcesUrl })] : undefined,
  });
}
