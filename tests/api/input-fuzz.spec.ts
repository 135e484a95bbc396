import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_API_ROUTES } from "../../bot/src/api/all-routes.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { propertyRuns } from "../support/property-runs.js";

const RUNS_PER_ROUTE = 1000;
let server: TestServer;
let adminToken: string;
let supporterToken: string;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  adminToken = await devToken(server, "ada");
  supporterToken = await devToken(server, "sam");
});

afterAll(async () => server?.stop());

/** Bodies that are anything but what a route expects: JSON of every shape, raw bytes, pollution keys. */
const hostileBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.anything({ withObjectString: true, withNullPrototype: true }).map((value) => JSON.stringify(value) ?? "null"),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"roles":["admin"],"__proto__":null}',
    "{",
    "[]",
    "",
    "\u0000",
  ),
  fc
    .record({ roles: fc.array(fc.string(), { maxLength: 5 }), theme: fc.string(), timeZone: fc.string(), soundCues: fc.anything() })
    .map((value) => JSON.stringify(value)),
  fc.string({ minLength: 2000, maxLength: 6000 }).map((text) => JSON.stringify({ locale: text, roles: [text] })),
);

const hostileSegment = fc.string({ minLength: 1, maxLength: 80 }).map((text) => encodeURIComponent(text));

function pathFor(template: string, segment: string): string {
  return template.replace(/:(\w+)/g, () => segment);
}

describe("every API route refuses bad input with a 400 and never a 5xx", () => {
  for (const route of ALL_API_ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path} with ${RUNS_PER_ROUTE} hostile inputs`, async () => {
      let badRequests = 0;
      await fc.assert(
        fc.asyncProperty(hostileBody, hostileSegment, fc.string({ maxLength: 40 }), async (body, segment, query) => {
          const url = `${server.url}${pathFor(route.path, segment)}?${encodeURIComponent(query)}=${encodeURIComponent(body.slice(0, 50))}`;
          const response = await fetch(url, {
            method: route.method.toUpperCase(),
            // A caller who holds the route's role, so the input itself is what gets judged.
            headers: {
              Authorization: `Bearer ${route.role === "supporter" ? supporterToken : adminToken}`,
              "Content-Type": "application/json",
            },
            ...(route.acceptsBody ? { body } : {}),
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            badRequests++;
            expect([400, 404, 413]).toContain(response.status);
            const payload = (await response.json()) as { code?: unknown; message?: unknown };
            expect(typeof payload.code).toBe("string");
            expect(typeof payload.message).toBe("string");
          } else {
            await response.arrayBuffer();
          }
        }),
        { numRuns: propertyRuns(RUNS_PER_ROUTE) },
      );
      if (route.acceptsBody) expect(badRequests).toBeGreaterThan(RUNS_PER_ROUTE * 0.9);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
    });
  }

  it("answers 400 to invalid JSON on the bot endpoint and stays up", async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("answers 413 to a body over 100 KB", async () => {
    const response = await fetch(`${server.url}/api/me/preferences`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ locale: "x".repeat(120 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("answers a JSON 404 for an unknown API route", async () => {
    const response = await fetch(`${server.url}/api/nothing-here`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found" });
  });
});
