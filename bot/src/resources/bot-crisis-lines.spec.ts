import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrisisLine } from "../../../shared/index.js";
import { RoleDirectory } from "../auth/role-directory.js";
import type { ProactiveMessenger } from "../bot/proactive-messenger.js";
import { PeerCirclesBot } from "../bot/peer-circles-bot.js";
import { BOT_MESSAGES_DE } from "../bot/bot-messages.de.js";
import { format } from "../bot/bot-messages.js";
import { RequestService } from "../requests/request-service.js";
import { SupporterRegistry } from "../requests/supporter-registry.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { ResourceLibrary } from "./resource-library.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-000000000bc1";
const USER = "5b8e0a11-1234-4567-89ab-cdef01234567";
let directory: string;
let store: EmbeddedStore;
let library: ResourceLibrary;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-crisis-lines-"));
  store = new EmbeddedStore({ directory });
  library = new ResourceLibrary(store);
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

const silentMessenger: ProactiveMessenger = { sendCard: async () => undefined, sendText: async () => undefined };

function botAdapter(locale: string, crisisLines?: (tenantId: string) => Promise<readonly CrisisLine[]>) {
  const bot = new PeerCirclesBot({
    logger: pino({ level: "silent" }),
    requests: new RequestService(store),
    supporters: new SupporterRegistry(store),
    roles: new RoleDirectory(store, []),
    messenger: silentMessenger,
    ...(crisisLines ? { crisisLines } : {}),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    locale,
    conversation: { id: "conv-personal", conversationType: "personal", isGroup: false, name: "", tenantId: TENANT },
    from: { id: `29:${USER}`, name: "Robin Example", aadObjectId: USER },
  } as Partial<Activity>);
  adapter.locale = locale;
  return adapter;
}

const welcome = {
  type: ActivityTypes.ConversationUpdate,
  membersAdded: [{ id: "bot", name: "Peer Circles" }],
  recipient: { id: "bot", name: "Peer Circles" },
} as Partial<Activity>;
const cardText = (activity: Partial<Activity>) => JSON.stringify(activity.attachments?.[0]?.content ?? activity.text ?? "");

describe("the bot's emergency card uses the tenant's crisis lines", () => {
  it("welcomes a person in Germany with the German line first, from the catalogue", async () => {
    await botAdapter("de-DE", (tenantId) => library.crisisLines(tenantId))
      .send(welcome)
      // In German: the locale picks the bot's German catalogue as well as the country's lines.
      .assertReply((activity) => expect(cardText(activity)).toContain(BOT_MESSAGES_DE.helpWhoSeesWhat))
      .assertReply((activity) => {
        const text = cardText(activity);
        expect(text).toContain(format(BOT_MESSAGES_DE.emergencyCall, { phone: "0800 111 0 111" }));
        expect(text.indexOf("TelefonSeelsorge")).toBeLessThan(text.indexOf("Samaritans"));
        expect(text.indexOf("findahelpline.com")).toBeLessThan(text.indexOf("Samaritans"));
      });
  });

  it("shows a line an admin added, after crisis language and on the welcome card", async () => {
    const added = await library.create(
      TENANT,
      {
        title: "Contoso staff crisis line",
        description: "Our EAP's line, answered by clinicians.",
        category: "crisis_line",
        contacts: [{ kind: "phone", value: "+44 800 555 0100" }],
        availability: { kind: "always" },
        countries: ["GB"],
        languages: ["en"],
        tags: [],
      },
      "admin",
    );
    expect(added.ok).toBe(true);
    const adapter = botAdapter("en-GB", (tenantId) => library.crisisLines(tenantId));
    await adapter.send("I want to end my life").assertReply((activity) => {
      const text = cardText(activity);
      expect(text).toContain("Contoso staff crisis line");
      expect(text).toContain("Call +44 800 555 0100");
      expect(text.indexOf("Samaritans")).toBeLessThan(text.indexOf("988"));
    });
    await botAdapter("en-GB", (tenantId) => library.crisisLines(tenantId))
      .send(welcome)
      .assertReply(() => undefined)
      .assertReply((activity) => expect(cardText(activity)).toContain("Contoso staff crisis line"));
  });

  it("falls back to the shipped lines when the catalogue cannot be read, or not within a moment", async () => {
    const failing = () => Promise.reject(new Error("store down"));
    await botAdapter("en-GB", failing)
      .send(welcome)
      .assertReply(() => undefined)
      .assertReply((activity) => {
        expect(cardText(activity)).toContain("Samaritans");
        expect(cardText(activity)).not.toContain("Contoso staff crisis line");
      });
    const never = () => new Promise<readonly CrisisLine[]>(() => undefined);
    const started = Date.now();
    await botAdapter("en-US", never)
      .send("resources")
      .assertReply((activity) => expect(cardText(activity).indexOf("988")).toBeLessThan(cardText(activity).indexOf("Samaritans")));
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
