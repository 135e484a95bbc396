import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { buildAppPackage, fillPlaceholders, filledManifest, PROJECT_ROOT } from "../../scripts/app-package.js";

const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, "tests/fixtures/schemas/MicrosoftTeams.v1.22.schema.json"), "utf8")) as object;

function validateManifest(manifest: unknown) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  const check = ajv.compile(schema);
  return { valid: check(manifest), errors: (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`) };
}

interface Manifest {
  manifestVersion: string;
  bots: { scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  configurableTabs: { context: string[] }[];
  staticTabs: { entityId: string }[];
  authorization: { permissions: { resourceSpecific: { name: string }[] } };
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
}

describe("Teams app manifest", () => {
  it.each(["local", "dev"])("the manifest filled for %s validates against the official v1.22 schema", (environment) => {
    const result = validateManifest(filledManifest(environment));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("the schema check can fail: a manifest with a lowercase groupchat scope is refused", () => {
    const manifest = filledManifest("local") as unknown as Manifest;
    manifest.bots[0]!.scopes = ["personal", "groupchat"];
    expect(validateManifest(manifest).valid).toBe(false);
  });

  it("declares the bot, static tabs, meeting contexts, stage permissions and SSO", () => {
    const manifest = filledManifest("local") as unknown as Manifest;
    expect(manifest.manifestVersion).toBe("1.22");
    expect(manifest.bots[0]!.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0]!.commandLists[0]!.commands.map((command) => command.title)).toEqual(
      expect.arrayContaining(["help", "talk to someone", "my requests", "resources", "queue", "on duty", "off duty"]),
    );
    expect(manifest.configurableTabs[0]!.context).toEqual(
      expect.arrayContaining(["meetingSidePanel", "meetingStage", "meetingChatTab", "meetingDetailsTab", "channelTab"]),
    );
    expect(manifest.staticTabs.map((tab) => tab.entityId)).toEqual(
      expect.arrayContaining(["home", "resources", "requests", "supporters", "queue", "programme"]),
    );
    expect(manifest.authorization.permissions.resourceSpecific.map((permission) => permission.name)).toContain("MeetingStage.Write.Chat");
    expect(manifest.webApplicationInfo.resource).toBe(`api://localhost:3978/${manifest.webApplicationInfo.id}`);
    expect(manifest.validDomains).toEqual(["localhost:3978"]);
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
  it("writes appPackage/build/appPackage.local.zip with the manifest and both icons", () => {
    const zipPath = join(PROJECT_ROOT, "appPackage/build/appPackage.local.zip");
    rmSync(zipPath, { force: true });
    execFileSync("npm", ["run", "--silent", "package", "--", "local"], { cwd: PROJECT_ROOT, stdio: "pipe" });
    expect(existsSync(zipPath)).toBe(true);
    const listing = execFileSync("unzip", ["-Z1", zipPath], { encoding: "utf8" }).trim().split("\n").sort();
    expect(listing).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(execFileSync("unzip", ["-p", zipPath, "manifest.json"], { encoding: "utf8" })) as object;
    expect(validateManifest(manifest).valid).toBe(true);
  });

  it("can also be built in-process", async () => {
    expect(await buildAppPackage("dev")).toMatch(/appPackage\.dev\.zip$/);
  });
});
