import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoleDirectory } from "../../auth/role-directory.js";
import { EmbeddedStore } from "../../storage/embedded-store.js";
import { normaliseCommand } from "../activity-identity.js";
import { BOT_MESSAGES_EN } from "../bot-messages.js";
import { helpCard } from "../cards/help-card.js";
import type { ProactiveMessenger } from "../proactive-messenger.js";
import { testBot } from "../test-bot.js";
import { BOT_COMMANDS, CARD_VERBS, findCommand, listedCommands } from "./command-registry.js";
import { COMMAND_SCOPES, type BotCommand } from "./registry-types.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const MEMBER = "11111111-0000-4000-8000-000000000001";
const SUPPORTER = "22222222-0000-4000-8000-000000000002";
const ADMIN = "33333333-0000-4000-8000-000000000003";
const silent: ProactiveMessenger = { sendCard: async () => undefined, sendText: async () => undefined };
let directory: string;
let store: EmbeddedStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "command-registry-"));
  store = new EmbeddedStore({ directory });
  const roles = new RoleDirectory(store, []);
  await roles.assign(TENANT, SUPPORTER, ["supporter"], "test");
  await roles.assign(TENANT, ADMIN, ["admin"], "test");
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

function adapterFor(userId: string, conversationType: "personal" | "channel" | "groupChat" = "personal") {
  const bot = testBot(store, silent, pino({ level: "silent" }));
  return new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    locale: "en-GB",
    conversation: {
      id: `conv-${conversationType}-${userId}`,
      conversationType,
      isGroup: conversationType !== "personal",
      tenantId: TENANT,
    },
    from: { id: `29:${userId}`, name: "Robin Example", aadObjectId: userId },
  } as Partial<Activity>);
}

const replyText = (activity: Partial<Activity>) => JSON.stringify(activity.attachments?.[0]?.content ?? activity.text ?? "");
const allNames = BOT_COMMANDS.flatMap((command) => command.names);
const roleRefusal = (command: BotCommand) => (command.role === "admin" ? BOT_MESSAGES_EN.adminOnly : BOT_MESSAGES_EN.supporterOnly);

describe("the command registry", () => {
  it("names every command and alias once, already in the form normaliseCommand gives", () => {
    expect(new Set(allNames).size).toBe(allNames.length);
    for (const name of allNames) expect(normaliseCommand(name)).toBe(name);
    expect(new Set(CARD_VERBS.map((entry) => entry.verb)).size).toBe(CARD_VERBS.length);
  });

  it("gives every entry a scope, and a help text that exists in the catalogue", () => {
    for (const command of BOT_COMMANDS) {
      expect(command.scopes.length, command.names[0]).toBeGreaterThan(0);
      for (const scope of command.scopes) expect(COMMAND_SCOPES).toContain(scope);
      expect(BOT_MESSAGES_EN[command.helpKey]?.length, command.names[0]).toBeGreaterThan(0);
    }
  });

  it.each([
    ["Privacy?", "privacy"],
    ["<at>Peer Circles</at> my requests ?", "my requests"],
    ["?", "?"],
    ["is anyone there?", "is anyone there"],
  ])("normalises %j to %j, so a question mark after a command still finds it", (text, expected) => {
    expect(normaliseCommand(text)).toBe(expected);
  });

  it("finds a command by any of its names only in its own scopes, and an exact name before a name with an argument", () => {
    expect(findCommand("unlist me", "personal")?.names[0]).toBe("unlist me");
    expect(findCommand("unlist me", "team")).toBeUndefined();
    expect(findCommand("ask for help", "personal")?.names[0]).toBe("talk to someone");
    expect(findCommand("ask sam example", "personal")?.names[0]).toBe("ask");
    expect(findCommand("set supporters channel", "team")?.role).toBe("admin");
    expect(findCommand("set supporters channel", "groupChat")).toBeUndefined();
    expect(findCommand("my manager shouts", "personal")).toBeUndefined();
  });

  it("lists every offered personal command in the help card, under its role's heading", () => {
    const card = helpCard(BOT_MESSAGES_EN);
    const factSets = card.body.filter((block) => (block as { type: string }).type === "FactSet") as { facts: { title: string }[] }[];
    const titles = factSets.flatMap((set) => set.facts.map((fact) => fact.title));
    expect(titles).toEqual(listedCommands("personal").map((command) => command.names[0]));
    expect(titles).toContain("unlist me");
    expect(JSON.stringify(card)).toContain(BOT_MESSAGES_EN.helpForSupporter);
  });
});

describe("dispatch from the registry", () => {
  const personal = BOT_COMMANDS.filter((command) => command.scopes.includes("personal") && !command.takesArgument);

  it("control: any other text comes back as the request form with the words in it", async () => {
    await adapterFor(MEMBER)
      .send("unlist us")
      .assertReply((activity) => expect(replyText(activity)).toContain('"value":"unlist us"'));
  });

  it.each(personal.flatMap((command) => command.names.map((name) => [name, command] as const)))(
    "answers %s in personal chat with its own handler, not the free-text form",
    async (name, command) => {
      const user = command.role === "admin" ? ADMIN : command.role === "supporter" ? SUPPORTER : MEMBER;
      await adapterFor(user)
        .send(name)
        .assertReply((activity) => {
          // Free text comes back as the request form with the words in it; a command never does.
          expect(replyText(activity)).not.toContain(`"value":${JSON.stringify(name)}`);
          expect(activity.text ?? "").not.toBe(roleRefusal(command));
        });
    },
  );

  it.each(BOT_COMMANDS.filter((command) => command.role !== "everyone").map((command) => [command.names[0], command] as const))(
    "tells someone without the role that %s is not for them",
    async (name, command) => {
      await adapterFor(MEMBER, command.scopes.includes("personal") ? "personal" : "channel")
        .send(name)
        .assertReply(roleRefusal(command));
    },
  );

  it("answers an admin's set supporters channel in a channel, and only points elsewhere in a group chat", async () => {
    await adapterFor(ADMIN, "channel").send("set supporters channel").assertReply(BOT_MESSAGES_EN.supportersChannelSet);
    await adapterFor(ADMIN, "groupChat")
      .send("set supporters channel")
      .assertReply((activity) => expect(replyText(activity)).toContain(BOT_MESSAGES_EN.privateChatOnly.slice(0, 30)));
  });
});
