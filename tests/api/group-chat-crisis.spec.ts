import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { BOT_MESSAGES_EN } from "../../bot/src/bot/bot-messages.js";
import { CONTAINERS } from "../../bot/src/storage/document-store.js";
import { postActivity, sharedChatMention } from "../support/bot-activities.js";
import { startConversationConnectorStub, type ConnectorCall } from "../support/conversation-connector-stub.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

/** In log-capture's list too: no server log of the suite may contain it. */
const CRISIS_WORDS = "I want to end my life tonight";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
});
afterAll(async () => server?.stop());

const isNewChat = (call: ConnectorCall) => call.method === "POST" && call.path === "/v3/conversations";
const isGroupReply = (call: ConnectorCall) => call.path.startsWith("/v3/conversations/19:peer-");
const isPrivateSend = (call: ConnectorCall) => call.path.startsWith("/v3/conversations/a:");

async function everythingStored(): Promise<string> {
  return JSON.stringify(await Promise.all(CONTAINERS.map((container) => server.store.query(container, DEV_TENANT_ID))));
}

/** A real groupChat activity posted to /api/messages, as Teams would deliver an @mention. */
async function mentionInGroupChat(user: string, serviceUrl: string, text: string, id: string) {
  const answer = await postActivity(server.url, sharedChatMention({ user, serviceUrl, id, conversationType: "groupChat", text }));
  expect(answer.status).toBe(200);
}

describe("a group-chat @mention with crisis words, through the server", () => {
  it("sends the emergency block in a new one-to-one chat with the writer, and the group only the neutral pointer", async () => {
    const connector = await startConversationConnectorStub();
    try {
      const writer = DEV_USERS.find((user) => user.key === "max")!;
      await mentionInGroupChat("max", connector.url, CRISIS_WORDS, "group-crisis-1");

      expect(connector.calls.find(isNewChat)?.body).toMatchObject({
        isGroup: false,
        members: [{ id: `29:${writer.userId}` }],
        tenantId: DEV_TENANT_ID,
        channelData: { tenant: { id: DEV_TENANT_ID } },
      });
      const privately = JSON.stringify(connector.calls.find(isPrivateSend)?.body);
      expect(privately).toContain(BOT_MESSAGES_EN.emergencyTitle);
      expect(privately).not.toContain(CRISIS_WORDS);
      const group = connector.calls.filter(isGroupReply).map((call) => JSON.stringify(call.body));
      expect(group).toHaveLength(1);
      expect(group[0]).toContain(BOT_MESSAGES_EN.privateChatOnly);
      expect(group[0]).not.toMatch(/want|end my life|tonight|danger/i);
      expect(await everythingStored()).not.toMatch(/end my life|tonight/i);
    } finally {
      await connector.close();
    }
  });

  it("still shows the group only the neutral pointer when Teams refuses the private chat", async () => {
    const connector = await startConversationConnectorStub({ refuseNewConversations: true });
    try {
      await mentionInGroupChat("sky", connector.url, CRISIS_WORDS, "group-crisis-2");

      expect(connector.calls.filter(isNewChat)).toHaveLength(1);
      expect(connector.calls.filter(isPrivateSend)).toEqual([]);
      const group = connector.calls.filter(isGroupReply).map((call) => JSON.stringify(call.body));
      expect(group).toHaveLength(1);
      expect(group[0]).toContain(BOT_MESSAGES_EN.privateChatOnly);
      expect(group[0]).not.toMatch(/want|end my life|tonight|danger/i);
      expect(await everythingStored()).not.toMatch(/end my life|tonight/i);
    } finally {
      await connector.close();
    }
  });
});
