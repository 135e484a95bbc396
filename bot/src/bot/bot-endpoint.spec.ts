import type { CloudAdapter, ActivityHandler } from "botbuilder";
import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { botEndpoint, hasBotCredentials } from "./bot-endpoint.js";

function fakeExchange(remoteAddress: string) {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    setHeader: () => response,
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
      return response;
    },
  };
  return { request: { socket: { remoteAddress } } as unknown as Request, response: response as unknown as Response, sent };
}

function recordingAdapter() {
  const processed: string[] = [];
  const adapter = { process: async () => void processed.push("processed") } as unknown as CloudAdapter;
  return { adapter, processed };
}

describe("bot endpoint without credentials", () => {
  it.each(["127.0.0.1", "::1", "::ffff:127.0.0.1"])("accepts loopback traffic from %s", async (address) => {
    const { adapter, processed } = recordingAdapter();
    const { request, response } = fakeExchange(address);
    await botEndpoint(adapter, {} as ActivityHandler, false)(request, response, () => undefined);
    expect(processed).toEqual(["processed"]);
  });

  it.each(["10.0.0.7", "203.0.113.9", ""])("refuses traffic from %j with 403", async (address) => {
    const { adapter, processed } = recordingAdapter();
    const { request, response, sent } = fakeExchange(address);
    await botEndpoint(adapter, {} as ActivityHandler, false)(request, response, () => undefined);
    expect(processed).toEqual([]);
    expect(sent).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });

  it("hands every caller to botbuilder's JWT validation once credentials are set", async () => {
    const { adapter, processed } = recordingAdapter();
    const { request, response } = fakeExchange("203.0.113.9");
    await botEndpoint(adapter, {} as ActivityHandler, true)(request, response, () => undefined);
    expect(processed).toEqual(["processed"]);
    expect(hasBotCredentials({ BOT_ID: "id", BOT_PASSWORD: "secret" })).toBe(true);
    expect(hasBotCredentials({ BOT_ID: undefined, BOT_PASSWORD: undefined })).toBe(false);
  });
});

describe("bot endpoint with credentials, through the real CloudAdapter", () => {
  it("rejects an activity that carries no Bot Framework token", async () => {
    const { loadConfig } = await import("../config.js");
    const { createBotAdapter } = await import("./bot-endpoint.js");
    const { createLogger } = await import("../logger.js");
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
