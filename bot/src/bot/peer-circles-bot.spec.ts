import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { normaliseCommand, PeerCirclesBot } from "./peer-circles-bot.js";

function collectingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

function botAdapter(conversationType = "personal") {
  const { logger, lines } = collectingLogger();
  const bot = new PeerCirclesBot({ logger, botId: "bot-app-id", tabEndpoint: "https://peer.example.com" });
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    conversation: { id: "conv-1", conversationType, isGroup: conversationType !== "personal", name: "" },
  } as Partial<Activity>);
  return { adapter, lines };
}

type CardAttachment = {
  contentType: string;
  content: { version: string; body: { text?: string; items?: { text?: string }[] }[]; actions?: { url: string }[] };
};
const cardOf = (activity: Partial<Activity>) => (activity.attachments?.[0] as CardAttachment | undefined)?.content;
const cardText = (activity: Partial<Activity>) => JSON.stringify(cardOf(activity));

describe("PeerCirclesBot in personal chat", () => {
  it("answers help with an Adaptive Card 1.5 that says what it does and who sees what", async () => {
    const { adapter } = botAdapter();
    await adapter.send("help").assertReply((activity) => {
      expect(activity.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(cardOf(activity)?.version).toBe("1.5");
      const text = cardText(activity);
      expect(text).toContain("Who sees what");
      expect(text).toContain("not an emergency service");
      expect(text).toContain("Programme admins see counts only");
      expect(cardOf(activity)?.actions?.[0]?.url).toBe("https://peer.example.com/personal/resources");
    });
  });

  it("understands help with a mention, punctuation and capitals", async () => {
    const { adapter } = botAdapter();
    await adapter.send("<at>Peer Circles</at> HELP!").assertReply((activity) => expect(cardText(activity)).toContain("Who sees what"));
  });

  it("never leaves a message unanswered", async () => {
    const { adapter } = botAdapter();
    await adapter.send("something else entirely").assertReply((activity) => expect(activity.attachments).toHaveLength(1));
  });

  it("welcomes a person when the bot is installed in personal scope", async () => {
    const { adapter } = botAdapter();
    await adapter
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: "bot", name: "Peer Circles" }],
        recipient: { id: "bot", name: "Peer Circles" },
      } as Partial<Activity>)
      .assertReply((activity) => expect(cardText(activity)).toContain("not an emergency service"));
  });

  it("keeps message text out of the logs", async () => {
    const { adapter, lines } = botAdapter();
    await adapter.send("my manager shouts at me every day").assertReply(() => undefined);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain("manager");
  });
});

describe("PeerCirclesBot outside personal chat", () => {
  it.each(["channel", "groupChat"])("in a %s, points to a private chat and does not log the text", async (conversationType) => {
    const { adapter, lines } = botAdapter(conversationType);
    await adapter.send("I am struggling with my workload").assertReply((activity) => {
      const text = cardText(activity);
      expect(text).toContain("one-to-one chat");
      expect(cardOf(activity)?.actions?.[0]?.url).toBe("https://teams.microsoft.com/l/chat/0/0?users=28:bot-app-id");
      expect(text).not.toContain("workload");
    });
    expect(lines.join("\n")).not.toContain("workload");
  });
});

describe("normaliseCommand", () => {
  it.each([
    ["Help", "help"],
    ["  help!!  ", "help"],
    ["<at>Peer Circles</at> talk to someone", "talk to someone"],
    ["On-Duty", "on duty"],
    [undefined, ""],
  ])("%j → %j", (input, expected) => {
    expect(normaliseCommand(input)).toBe(expected);
  });
});
