import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RoleDirectory } from "../auth/role-directory.js";
import { SupporterRegistry } from "../requests/supporter-registry.js";
import type { JsonObject } from "../storage/document-store.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { BOT_MESSAGES_EN } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import { testBot } from "./test-bot.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const REQUESTER = "cccccccc-1111-4111-8111-11111111111c";
const ON_DUTY = "aaaaaaaa-1111-4111-8111-11111111111a";
const OFF_DUTY = "bbbbbbbb-1111-4111-8111-11111111111b";
const ADMIN = "dddddddd-1111-4111-8111-11111111111d";
const MEMBER = "eeeeeeee-1111-4111-8111-11111111111e";
const CRISIS_TEXT = "everyone would be better off without me";

/** Records every card the bot tries to send proactively; `failing` makes each send throw, as Teams would when unreachable. */
class RecordingMessenger implements ProactiveMessenger {
  readonly delivered: string[] = [];
  attempts = 0;
  constructor(private readonly failing = false) {}
  async sendCard(reference: JsonObject, _card: AdaptiveCard): Promise<void> {
    this.attempts++;
    if (this.failing) throw new Error("502 from the Bot Connector");
    this.delivered.push(String((reference.user as JsonObject).aadObjectId));
  }
  async sendText(reference: JsonObject): Promise<void> {
    this.delivered.push(String((reference.user as JsonObject).aadObjectId));
  }
}

const referenceFor = (userId: string): JsonObject => ({
  serviceUrl: "https://smba.example.com/",
  channelId: "msteams",
  conversation: { id: `conv-${userId}`, conversationType: "personal", tenantId: TENANT },
  user: { id: `29:${userId}`, aadObjectId: userId },
});

let directory: string;
let store: EmbeddedStore;
let lines: string[];

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), "crisis-reply-"));
  store = new EmbeddedStore({ directory });
  lines = [];
  const roles = new RoleDirectory(store, []);
  await roles.assign(TENANT, ON_DUTY, ["supporter"], "test");
  await roles.assign(TENANT, OFF_DUTY, ["supporter"], "test");
  await roles.assign(TENANT, ADMIN, ["admin"], "test");
  const supporters = new SupporterRegistry(store);
  // Everyone has talked to the bot before, so it can reach them; only ON_DUTY may be on duty.
  for (const userId of [ON_DUTY, OFF_DUTY, ADMIN, MEMBER]) await supporters.remember(TENANT, userId, referenceFor(userId));
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

function requesterChat(messenger: ProactiveMessenger) {
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  const bot = testBot(store, messenger, logger);
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    locale: "en-GB",
    conversation: { id: "conv-requester", conversationType: "personal", isGroup: false, name: "", tenantId: TENANT },
    from: { id: `29:${REQUESTER}`, name: "Robin Example", aadObjectId: REQUESTER },
  } as Partial<Activity>);
  adapter.locale = "en-GB";
  return adapter;
}

const cardText = (activity: Partial<Activity>) =>
  JSON.stringify((activity.attachments?.[0] as { content: unknown } | undefined)?.content ?? activity.text ?? "");
/** The catalogue text before its {code} slot: enough to tell the three replies apart. */
const opening = (template: string) => template.slice(0, template.indexOf("{code}"));

/** Sends crisis language and returns the reply that follows the emergency block, checking the block comes first. */
async function crisisReply(messenger: ProactiveMessenger): Promise<string> {
  let reply = "";
  await requesterChat(messenger)
    .send(CRISIS_TEXT)
    .assertReply((activity) => expect(cardText(activity)).toContain("If you are in danger"))
    .assertReply((activity) => {
      reply = cardText(activity);
    });
  return reply;
}

describe("the crisis reply says who was actually told", () => {
  it("with a supporter on duty: that supporter gets the alert and the reply says on-duty supporters were alerted", async () => {
    await new SupporterRegistry(store).setOnDuty(TENANT, ON_DUTY, true);
    const messenger = new RecordingMessenger();
    const reply = await crisisReply(messenger);
    expect(messenger.delivered).toEqual([ON_DUTY]);
    expect(reply).toContain(opening(BOT_MESSAGES_EN.crisisAlerted));
    expect(reply).not.toContain("No peer supporter is on duty");
    expect(reply).not.toContain("could not reach");
  });

  it("with nobody on duty: every rostered supporter and admin gets it at once, and the reply says no one may be free", async () => {
    const messenger = new RecordingMessenger();
    const reply = await crisisReply(messenger);
    // Never the requester, and never a member who is neither supporter nor admin.
    expect(messenger.delivered.sort()).toEqual([ADMIN, OFF_DUTY, ON_DUTY].sort());
    expect(reply).toContain(opening(BOT_MESSAGES_EN.crisisAlertedEveryone));
    expect(reply).toContain("no one may be free right now");
    expect(reply).toContain("use the crisis line above now");
    expect(reply).not.toContain("I have alerted the peer supporters on duty");
    expect(reply).not.toContain("One of them will write to you");
  });

  it("when every send fails: the reply says plainly that no peer supporter could be reached, and points to the crisis line", async () => {
    await new SupporterRegistry(store).setOnDuty(TENANT, ON_DUTY, true);
    const messenger = new RecordingMessenger(true);
    const reply = await crisisReply(messenger);
    expect(messenger.attempts).toBeGreaterThan(0);
    expect(messenger.delivered).toEqual([]);
    expect(reply).toContain("I could not reach a peer supporter just now");
    expect(reply).toContain("crisis line");
    expect(reply).not.toContain("I have alerted");
    expect(reply).not.toContain("I have sent an alert");
  });

  it("logs what was delivered as counts, never the reply text or the person's words", async () => {
    await crisisReply(new RecordingMessenger());
    const log = lines.join("\n");
    expect(log).toContain('"fallbackNotified":3');
    expect(log).toContain('"onDutyNotified":0');
    expect(log).not.toContain("better off without me");
    expect(log).not.toContain("no one may be free");
  });
});

describe("an ordinary request's confirmation says whether anyone on duty was told", () => {
  const form = { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "Too much on", shareName: "false" };
  const submit = async (messenger: RecordingMessenger) => {
    let confirmation = "";
    await requesterChat(messenger)
      .send({
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "submitRequest", data: form } },
      })
      .assertReply((activity) => {
        confirmation = JSON.stringify((activity.value as { body: unknown }).body);
      });
    return confirmation;
  };

  it("with a supporter on duty: only they are told, and the confirmation says on-duty supporters were told", async () => {
    await new SupporterRegistry(store).setOnDuty(TENANT, ON_DUTY, true);
    const messenger = new RecordingMessenger();
    const confirmation = await submit(messenger);
    expect(messenger.delivered).toEqual([ON_DUTY]);
    expect(confirmation).toContain("On-duty peer supporters have been told");
  });

  it("with nobody on duty: nobody else is disturbed, and the confirmation does not claim anyone was told", async () => {
    const messenger = new RecordingMessenger();
    const confirmation = await submit(messenger);
    expect(messenger.delivered).toEqual([]);
    expect(confirmation).toContain("no peer supporter on duty could be told");
    expect(confirmation).not.toContain("have been told");
  });

  it("when the send to the supporter on duty fails: the confirmation says nobody could be told", async () => {
    await new SupporterRegistry(store).setOnDuty(TENANT, ON_DUTY, true);
    const confirmation = await submit(new RecordingMessenger(true));
    expect(confirmation).toContain("no peer supporter on duty could be told");
    expect(confirmation).not.toContain("have been told");
  });
});
