import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import {
  botEndpoint,
  hasBotCredentials,
  type ActivityProcessor,
  type BotEndpointPolicy,
  type EndpointRequest,
  type EndpointResponse,
} from "./bot-endpoint.js";
import { createServiceUrlAllowList } from "./service-url-allow-list.js";

function fakeExchange(remoteAddress: string, headers: Record<string, string> = {}) {
  const sent: { status?: number; body?: unknown } = {};
  const response: EndpointResponse & { json(body: unknown): unknown } = {
    socket: null,
    headersSent: false,
    setHeader: () => response,
    header: () => response,
    send: () => response,
    end: () => response,
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
      return response;
    },
  };
  // The least a Bot Framework activity carries; anything less is refused before botbuilder sees it.
  const body = { type: "message", from: { id: "29:someone" }, conversation: { id: "a:chat" }, recipient: { id: "28:bot" } };
  const request: EndpointRequest = { socket: { remoteAddress }, headers, body };
  return { request, response, sent };
}

/** Never runs: these tests stop at, or pass straight through, the endpoint's own checks. */
const unusedBot = { run: async () => undefined };

function recordingAdapter() {
  const processed: string[] = [];
  const adapter: ActivityProcessor = { process: async () => void processed.push("processed") };
  return { adapter, processed };
}

const anyServiceUrl = createServiceUrlAllowList([], false);
const policy = (overrides: Partial<BotEndpointPolicy>): BotEndpointPolicy => ({
  credentialsConfigured: false,
  trustsLocalCalls: false,
  allowedTenants: [],
  serviceUrls: anyServiceUrl,
  ...overrides,
});
const silent = createLogger("silent");

describe("bot endpoint without credentials, in development identity mode", () => {
  const local = policy({ trustsLocalCalls: true });

  it.each(["127.0.0.1", "::1", "::ffff:127.0.0.1"])("accepts loopback traffic from %s", async (address) => {
    const { adapter, processed } = recordingAdapter();
    const { request, response } = fakeExchange(address);
    await botEndpoint(adapter, unusedBot, local, silent)(request, response);
    expect(processed).toEqual(["processed"]);
  });

  it.each(["10.0.0.7", "203.0.113.9", ""])("refuses traffic from %j with 403", async (address) => {
    const { adapter, processed } = recordingAdapter();
    const { request, response, sent } = fakeExchange(address);
    await botEndpoint(adapter, unusedBot, local, silent)(request, response);
    expect(processed).toEqual([]);
    expect(sent).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });

  it.each<Record<string, string>>([
    { "x-forwarded-for": "203.0.113.9" },
    { forwarded: "for=203.0.113.9" },
    { via: "1.1 tunnel" },
    { origin: "https://evil.example.com" },
  ])("refuses loopback traffic relayed by a proxy, tunnel or browser page (%j)", async (headers) => {
    const { adapter, processed } = recordingAdapter();
    const { request, response, sent } = fakeExchange("127.0.0.1", headers);
    await botEndpoint(adapter, unusedBot, local, silent)(request, response);
    expect(processed).toEqual([]);
    expect(sent).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });
});

describe("bot endpoint without credentials, in Teams identity mode", () => {
  it("refuses even loopback traffic", async () => {
    const { adapter, processed } = recordingAdapter();
    const { request, response, sent } = fakeExchange("127.0.0.1");
    await botEndpoint(adapter, unusedBot, policy({}), silent)(request, response);
    expect(processed).toEqual([]);
    expect(sent).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });
});

describe("bot endpoint with credentials", () => {
  it("hands every caller to botbuilder's JWT validation", async () => {
    const { adapter, processed } = recordingAdapter();
    const { request, response } = fakeExchange("203.0.113.9", { "x-forwarded-for": "198.51.100.1" });
    await botEndpoint(adapter, unusedBot, policy({ credentialsConfigured: true }), silent)(request, response);
    expect(processed).toEqual(["processed"]);
    expect(hasBotCredentials({ BOT_ID: "id", BOT_PASSWORD: "secret" })).toBe(true);
    expect(hasBotCredentials({ BOT_ID: undefined, BOT_PASSWORD: undefined })).toBe(false);
  });
});

describe("bot endpoint with credentials, through the real CloudAdapter", () => {
  it("rejects an activity that carries no Bot Framework token", async () => {
    const { loadConfig } = await import("../config.js");
    const { createBotAdapter } = await import("./bot-endpoint.js");
    const config = loadConfig({ AUTH_MODE: "dev", BOT_ID: "6a1f4a3e-0000-4000-8000-00000000b001", BOT_PASSWORD: "not-a-real-secret" });
    const adapter = createBotAdapter(config, createLogger("silent"));
    let status = 0;
    const response = {
      status: (code: number) => {
        status = code;
        return response;
      },
      header: () => response,
      send: () => response,
      end: () => response,
      setHeader: () => response,
      headersSent: false,
      socket: null,
    };
    const request = {
      method: "POST",
      headers: {},
      body: {
        type: "message",
        text: "help",
        channelId: "msteams",
        serviceUrl: "https://smba.trafficmanager.net/emea/",
        conversation: { id: "c" },
        from: { id: "u" },
        recipient: { id: "b" },
      },
      socket: { remoteAddress: "203.0.113.9" },
    };
    await adapter.process(request as never, response as never, async () => undefined);
    expect(status).toBe(401);
  });
});
