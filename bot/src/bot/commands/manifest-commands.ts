import { format, type BotMessages } from "../bot-messages.js";
import { listedCommands } from "./command-registry.js";
import { COMMAND_SCOPES, type BotCommand, type CommandScope } from "./registry-types.js";

export interface ManifestCommandList {
  scopes: [CommandScope];
  commands: { title: string; description: string }[];
}

/** A command's one-line description, saying whom it is for when that is not everyone. */
export function commandDescription(messages: BotMessages, command: BotCommand): string {
  const description = messages[command.helpKey];
  if (command.role === "supporter") return format(messages.commandForSupporter, { description });
  if (command.role === "admin") return format(messages.commandForAdmin, { description });
  return description;
}

/**
 * The manifest's `bots[0].commandLists`: one list per scope, as the schema asks, each with the
 * registry's offered commands for that scope, in registry order. Titles are what the bot
 * understands, so they stay as they are in every language; descriptions come from the catalogue.
 */
export function manifestCommandLists(messages: BotMessages): ManifestCommandList[] {
  return COMMAND_SCOPES.map((scope) => ({
    scopes: [scope] as [CommandScope],
    commands: listedCommands(scope).map((command) => ({ title: command.names[0], description: commandDescription(messages, command) })),
  })).filter((list) => list.commands.length > 0);
}

/** The same descriptions as a Teams localization file's `bots[0].commandLists[i].commands[j].description` keys. */
export function localizedCommandStrings(messages: BotMessages): Record<string, string> {
  const strings: Record<string, string> = {};
  manifestCommandLists(messages).forEach((list, listIndex) =>
    list.commands.forEach((command, commandIndex) => {
      strings[`bots[0].commandLists[${listIndex}].commands[${commandIndex}].description`] = command.description;
    }),
  );
  return strings;
}
