import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { BOT_MESSAGES_DE } from "../../bot/src/bot/bot-messages.de.js";
import { BOT_MESSAGES_EN } from "../../bot/src/bot/bot-messages.js";
import { BOT_COMMANDS, listedCommands } from "../../bot/src/bot/commands/command-registry.js";
import { commandDescription } from "../../bot/src/bot/commands/manifest-commands.js";
import { COMMAND_SCOPES } from "../../bot/src/bot/commands/registry-types.js";
import { buildAppPackage, environmentValues, fillPlaceholders, filledManifest, PROJECT_ROOT } from "../../scripts/app-package.js";
import { NEWEST_MANIFEST_VERSION, schemaErrors, teamsSchema, type JsonSchema } from "./teams-schemas.js";

const schema = teamsSchema(NEWEST_MANIFEST_VERSION, "MicrosoftTeams");
const validateManifest = (manifest: unknown) => schemaErrors(manifest, schema);

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  bots: { scopes: string[]; commandLists: CommandList[] }[];
  configurableTabs: { context: string[] }[];
  staticTabs: { entityId: string }[];
  authorization: { permissions: { resourceSpecific: { name: string }[] } };
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
}

/** The schema's limits on bot command lists, read from the schema rather than restated here. */
function commandListLimits(teams: JsonSchema) {
  const bots = teams.properties.bots as { items: { properties: { commandLists: JsonSchema & { maxItems: number } } } };
  const lists = bots.items.properties.commandLists;
  const items = lists.items as { properties: { commands: { maxItems: number } } };
  return { lists: lists.maxItems, commandsPerList: items.properties.commands.maxItems };
}

const localManifest = () => filledManifest("local") as unknown as Manifest;

describe("Teams app manifest", () => {
  it(`uses the newest manifest version @microsoft/app-manifest ships a schema for (${NEWEST_MANIFEST_VERSION})`, () => {
    const template = JSON.parse(readFileSync(join(PROJECT_ROOT, "appPackage/manifest.json"), "utf8")) as Manifest;
    expect(template.manifestVersion).toBe(NEWEST_MANIFEST_VERSION);
    expect(template.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${NEWEST_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
  });

  it.each(["local", "dev"])("the manifest filled for %s validates against the package's schema", async (environment) => {
    expect(await validateManifest(filledManifest(environment))).toEqual([]);
  });

  it("the schema check can fail: a manifest with a lowercase groupchat scope is refused", async () => {
    const manifest = localManifest();
    manifest.bots[0]!.scopes = ["personal", "groupchat"];
    expect((await validateManifest(manifest)).join("\n")).toMatch(/scopes/);
  });

  it("has one command list per scope, equal to the command registry's offered commands there", () => {
    const lists = localManifest().bots[0]!.commandLists;
    const scopes = COMMAND_SCOPES.filter((scope) => listedCommands(scope).length > 0);
    expect(lists.map((list) => list.scopes)).toEqual(scopes.map((scope) => [scope]));
    for (const [index, scope] of scopes.entries()) {
      const expected = listedCommands(scope).map((command) => ({
        title: command.names[0],
        description: commandDescription(BOT_MESSAGES_EN, command),
      }));
      expect(lists[index]!.commands, scope).toEqual(expected);
    }
    // The drift this replaced: the bot understood "unlist me" but the manifest did not offer it.
    expect(lists[0]!.commands.map((command) => command.title)).toContain("unlist me");
    const offered = new Set(lists.flatMap((list) => list.commands.map((command) => command.title)));
    for (const command of BOT_COMMANDS) expect(offered.has(command.names[0]), command.names[0]).toBe(command.listed);
  });

  it("keeps each scope's commands within the schema's per-list limit, which the schema enforces", async () => {
    const limits = commandListLimits(schema);
    expect(COMMAND_SCOPES.length).toBeLessThanOrEqual(limits.lists);
    for (const scope of COMMAND_SCOPES) expect(listedCommands(scope).length, scope).toBeLessThanOrEqual(limits.commandsPerList);
    const overfull = localManifest();
    const commands = Array.from({ length: limits.commandsPerList + 1 }, (_, index) => ({ title: `command ${index}`, description: "x" }));
    overfull.bots[0]!.commandLists[0]!.commands = commands;
    expect((await validateManifest(overfull)).join("\n")).toMatch(/commands/);
  });

  it("declares the bot, static tabs, meeting contexts, stage permissions and SSO", () => {
    const manifest = localManifest();
    expect(manifest.bots[0]!.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.configurableTabs[0]!.context).toEqual(
      expect.arrayContaining(["meetingSidePanel", "meetingStage", "meetingChatTab", "meetingDetailsTab", "channelTab"]),
    );
    // Members see three tabs; supporters' and admins' pages are reached from Home, for their roles only.
    expect(manifest.staticTabs.map((tab) => tab.entityId)).toEqual(["home", "resources", "requests", "conversations", "about"]);
    expect(manifest.authorization.permissions.resourceSpecific.map((permission) => permission.name)).toContain("MeetingStage.Write.Chat");
    expect(manifest.webApplicationInfo.resource).toBe(`api://localhost:3978/${manifest.webApplicationInfo.id}`);
    expect(manifest.validDomains).toEqual(["localhost:3978"]);
  });

  it("takes values from the process environment over the env files, also for names the files lack", () => {
    const values = environmentValues("local", { BOT_ID: "from-toolkit", ONLY_IN_PROCESS: "yes", lowercase: "no" });
    expect(values.BOT_ID).toBe("from-toolkit");
    expect(values.ONLY_IN_PROCESS).toBe("yes");
    expect(values.lowercase).toBeUndefined();
    expect(environmentValues("local", {}).BOT_ID).not.toBe("from-toolkit");
  });

  it("refuses to fill a manifest with a placeholder that has no value", () => {
    expect(() => fillPlaceholders('{"id":"${{TEAMS_APP_ID}}","x":"${{NOPE}}"}', { TEAMS_APP_ID: "a" })).toThrow(/NOPE/);
  });
});

describe("manifest icons", () => {
  const read = (name: string) => PNG.sync.read(readFileSync(join(PROJECT_ROOT, "appPackage", name)));

  it("has a 192×192 colour icon that is designed, not a flat square", () => {
    const color = read("color.png");
    expect([color.width, color.height]).toEqual([192, 192]);
    const colours = new Set<number>();
    for (let index = 0; index < color.data.length; index += 4) colours.add(color.data.readUInt32BE(index));
    expect(colours.size).toBeGreaterThan(10);
  });

  it("has a 32×32 outline icon that is white on transparent", () => {
    const outline = read("outline.png");
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let index = 0; index < outline.data.length; index += 4) {
      const [red, green, blue, alpha] = outline.data.subarray(index, index + 4);
      if (alpha === 0) transparent++;
      else {
        expect([red, green, blue]).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(white).toBeGreaterThan(32 * 32 * 0.1);
  });
});

describe("npm run package", () => {
  it("writes appPackage/build/appPackage.local.zip with the manifest and both icons", async () => {
    const zipPath = join(PROJECT_ROOT, "appPackage/build/appPackage.local.zip");
    rmSync(zipPath, { force: true });
    execFileSync("npm", ["run", "--silent", "package", "--", "local"], { cwd: PROJECT_ROOT, stdio: "pipe" });
    expect(existsSync(zipPath)).toBe(true);
    const listing = execFileSync("unzip", ["-Z1", zipPath], { encoding: "utf8" }).trim().split("\n").sort();
    expect(listing).toEqual(["color.png", "de.json", "manifest.json", "outline.png"]);
    const german = JSON.parse(execFileSync("unzip", ["-p", zipPath, "de.json"], { encoding: "utf8" })) as Record<string, string>;
    expect(german["bots[0].commandLists[0].commands[0].description"]).toBe(BOT_MESSAGES_DE.helpCommandHelp);
    const manifest = JSON.parse(execFileSync("unzip", ["-p", zipPath, "manifest.json"], { encoding: "utf8" })) as Manifest;
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.bots[0]!.commandLists).toEqual(localManifest().bots[0]!.commandLists);
  });

  it("can also be built in-process", async () => {
    expect(await buildAppPackage("dev")).toMatch(/appPackage\.dev\.zip$/);
  });
});
