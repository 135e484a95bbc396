import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev", RATE_LIMIT_PER_MINUTE: "20", SSE_STREAMS_PER_USER: "2" });
  for (const user of ["mia", "max", "fin"]) tokens[user] = await devToken(server, user);
});
afterAll(async () => server?.stop());

const get = (user: string, path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${tokens[user]}` } });

/** Opens an event stream and resolves once its status line arrives; the stream stays open. */
function openStream(user: string, meetingId: string): Promise<{ response: IncomingMessage; request: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.url}/api/huddles/${meetingId}/events`,
      { headers: { Authorization: `Bearer ${tokens[user]}`, Accept: "text/event-stream" } },
      (response) => resolve({ response, request }),
    );
    request.on("error", reject);
    request.end();
  });
}

describe("per-person limits", () => {
  it("answers 429 with Retry-After once one person passes the configured rate, and leaves others alone", async () => {
    const statuses: number[] = [];
    for (let call = 0; call < 25; call++) statuses.push((await get("mia", "/api/time")).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    const limited = await get("mia", "/api/me");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({ code: "rate_limited", message: expect.any(String) });
    expect((await get("max", "/api/me")).status).toBe(200);
  });

  it("caps the huddle event streams one person holds open, and frees a place when one closes", async () => {
    const first = await openStream("fin", "meeting-limits");
    const second = await openStream("fin", "meeting-limits");
    expect([first.response.statusCode, second.response.statusCode]).toEqual([200, 200]);
    const third = await openStream("fin", "meeting-limits");
    expect(third.response.statusCode).toBe(429);
    expect(third.response.headers["retry-after"]).toBeDefined();
    third.response.resume();
    first.request.destroy();
    // The server hears the close asynchronously; a new stream is accepted once it has.
    let reopened: Awaited<ReturnType<typeof openStream>> | undefined;
    for (let attempt = 0; attempt < 15 && reopened?.response.statusCode !== 200; attempt++) {
      reopened?.response.resume();
      await new Promise((resolve) => setTimeout(resolve, 50));
      reopened = await openStream("fin", "meeting-limits");
    }
    expect(reopened!.response.statusCode).toBe(200);
    second.request.destroy();
    reopened!.request.destroy();
  });
});
