import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BOT_MESSAGES_DE } from "../../bot/src/bot/bot-messages.de.js";
import { BOT_CATALOGUES } from "../../bot/src/bot/bot-messages.js";
import { listedCommands } from "../../bot/src/bot/commands/command-registry.js";
import { commandDescription } from "../../bot/src/bot/commands/manifest-commands.js";
import { additionalLanguages, filledLocalization, filledManifest, PROJECT_ROOT } from "../../scripts/app-package.js";
import { localizationErrors, NEWEST_MANIFEST_VERSION, teamsSchema } from "./teams-schemas.js";

const localizationSchema = teamsSchema(NEWEST_MANIFEST_VERSION, "MicrosoftTeams.Localization");

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
const manifest = filledManifest("local");
const commandLists = (manifest.bots as { commandLists: CommandList[] }[])[0]!.commandLists;
const german = () => filledLocalization("local", { languageTag: "de", file: "de.json" });

describe("manifest localization", () => {
  it("names a German localization file that exists in appPackage, for a language the bot has a catalogue for", () => {
    const languages = additionalLanguages(manifest);
    expect(languages).toEqual([{ languageTag: "de", file: "de.json" }]);
    for (const language of languages) {
      expect(existsSync(join(PROJECT_ROOT, "appPackage", language.file)), language.file).toBe(true);
      expect(Object.keys(BOT_CATALOGUES)).toContain(language.languageTag);
    }
  });

  it.each(["local", "dev"])("the German file filled for %s validates against the package's localization schema", (environment) => {
    const strings = filledLocalization(environment, { languageTag: "de", file: "de.json" });
    expect(localizationErrors(strings, localizationSchema)).toEqual([]);
  });

  it("the localization check can fail: a file without its full description, or with an unknown key, is refused", () => {
    const { "description.full": _dropped, ...withoutFull } = german();
    expect(localizationErrors(withoutFull, localizationSchema).join("\n")).toMatch(/description\.full/);
    expect(localizationErrors({ ...german(), "bots[0].commandLists[0].commands[12].description": "x" }, localizationSchema)).not.toEqual(
      [],
    );
  });

  it("translates every command description in the manifest, at the same list positions, from the bot's German catalogue", () => {
    const strings = german();
    const commandKeys = Object.keys(strings).filter((key) => key.startsWith("bots["));
    const expected: Record<string, string> = {};
    commandLists.forEach((list, listIndex) => {
      const scope = list.scopes[0] as "personal" | "team" | "groupChat";
      listedCommands(scope).forEach((command, index) => {
        expect(list.commands[index]!.title).toBe(command.names[0]);
        expected[`bots[0].commandLists[${listIndex}].commands[${index}].description`] = commandDescription(BOT_MESSAGES_DE, command);
      });
    });
    expect(commandKeys.sort()).toEqual(Object.keys(expected).sort());
    for (const key of commandKeys) expect(strings[key], key).toBe(expected[key]);
  });

  it("names only static tabs that have a name in the manifest", () => {
    const tabs = manifest.staticTabs as { name?: string }[];
    for (const key of Object.keys(german()).filter((name) => name.startsWith("staticTabs["))) {
      const index = Number(/^staticTabs\[(\d+)\]\.name$/.exec(key)?.[1]);
      expect(tabs[index]?.name, key).toBeTruthy();
    }
  });
});
