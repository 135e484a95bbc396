import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { botMessages } from "../../bot/src/bot/bot-messages.js";
import { CARD_VERBS } from "../../bot/src/bot/commands/command-registry.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { startLoggedServer, type LoggedServer } from "../support/logged-server.js";
import { propertyRuns } from "../support/property-runs.js";

/**
 * Every Adaptive Card Action.Execute verb the bot handles, fed hostile `data` through the real
 * server's POST /api/messages: random JSON, wrong types for the fields each verb reads, huge
 * strings, and __proto__ / constructor keys. The bot must always answer the invoke with a card (or
 * a 4xx-style invoke error), never a 5xx, never a failed turn, and must stay up.
 */

const RUNS_PER_VERB = 1000;
const CARD = "application/vnd.microsoft.card.adaptive";
const INVOKE_ERROR = "application/vnd.microsoft.error";

/** The verbs, from the bot's command registry, so a new one is fuzzed without editing this file. */
const VERBS = CARD_VERBS.map((entry) => entry.verb).sort();

const sam = DEV_USERS.find((user) => user.key === "sam")!;
const mia = DEV_USERS.find((user) => user.key === "mia")!;
let server: LoggedServer;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
let realCode = "";

beforeAll(async () => {
  server = await startLoggedServer({ AUTH_MODE: "dev" });
  connector = await startConnectorStub({ keepBodies: true });
  // A real request, so some cases carry a code that exists and reach the code behind the lookup.
  const request = await new RequestService(server.store).submit(
    { tenantId: DEV_TENANT_ID, userId: mia.userId, displayName: mia.displayName },
    { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "fuzz target", shareName: false },
    { level: "none", reasons: [] },
  );
  realCode = request.referenceCode;
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

/** JSON text, not values: a `__proto__` key only survives as text, since JSON.parse keeps it as an own key. */
const jsonText = (value: unknown) => JSON.stringify(value) ?? "null";
// The real code is read when a case is generated: the arbitraries are built before beforeAll has run.
const code = () =>
  fc.oneof(
    fc.constant(null).map(() => realCode),
    fc.constantFrom("PC-ZZZZZZ", "pc-7kq4x2", "PC-", ""),
    fc.string({ maxLength: 20 }),
  );
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withObjectString: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
);

const hostileData = fc.oneof(
  // Any JSON at all: objects, arrays, strings, numbers, booleans, null.
  { arbitrary: fc.jsonValue().map(jsonText), weight: 3 },
  { arbitrary: fc.anything({ withObjectString: true, withNullPrototype: true, withSparseArray: true }).map(jsonText), weight: 2 },
  // The fields the verbs read, each with a value of any type.
  {
    arbitrary: fc
      .record(
        {
          code: fc.oneof(code(), anyValue),
          action: fc.oneof(fc.constantFrom("claim", "release", "start_conversation", "refer", "resolve", "withdraw", "toString"), anyValue),
          message: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
          text: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
          category: fc.oneof(fc.constantFrom("workload", "conflict", "other"), anyValue),
          urgency: fc.oneof(fc.constantFrom("crisis", "today", "soon", "can_wait"), anyValue),
          preference: fc.oneof(fc.constantFrom("any", "specific"), anyValue),
          contact: fc.oneof(fc.constantFrom("chat", "call"), anyValue),
          shareName: fc.oneof(fc.constantFrom("true", "false"), anyValue),
          preferredSupporterId: fc.oneof(fc.constant(sam.userId), anyValue),
        },
        { requiredKeys: [] },
      )
      .map(jsonText),
    weight: 4,
  },
  // The request form's own fields only, mostly with values it accepts, so many submissions get stored.
  {
    arbitrary: fc
      .record(
        {
          category: fc.oneof({ arbitrary: fc.constantFrom("workload", "conflict", "other"), weight: 4 }, anyValue),
          urgency: fc.oneof({ arbitrary: fc.constantFrom("today", "soon", "can_wait", "crisis"), weight: 4 }, anyValue),
          preference: fc.oneof({ arbitrary: fc.constantFrom("any", "specific"), weight: 4 }, anyValue),
          contact: fc.oneof({ arbitrary: fc.constantFrom("chat", "call", "meet"), weight: 4 }, anyValue),
          text: fc.oneof(
            { arbitrary: fc.constantFrom("Too much on", "I can't see a way out", ""), weight: 2 },
            fc.string({ maxLength: 2100 }),
            anyValue,
          ),
          shareName: fc.oneof({ arbitrary: fc.constantFrom("true", "false", true, false), weight: 4 }, anyValue),
          preferredSupporterId: fc.oneof(fc.constant(sam.userId), fc.string({ maxLength: 70 }), anyValue),
        },
        { requiredKeys: ["category", "urgency", "preference", "contact", "shareName"] },
      )
      .map(jsonText),
    weight: 3,
  },
  // Huge strings in one of the fields the verbs read; escaped, they stay under the 100 KB body limit.
  {
    arbitrary: fc
      .tuple(
        code(),
        fc.constantFrom("code", "message", "text", "action", "category", "preferredSupporterId"),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 5_000, max: 14_000 }),
      )
      .map(([reference, field, unit, length]) =>
        jsonText({ code: reference, [field]: unit.repeat(Math.ceil(length / unit.length)).slice(0, length) }),
      ),
    weight: 1,
  },
  // Prototype pollution and look-alike keys, as raw JSON text.
  {
    arbitrary: fc
      .tuple(code(), fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"), anyValue)
      .map(([reference, key, value]) =>
        key === "constructor"
          ? `{"constructor":{"prototype":{"code":${jsonText(reference)},"isAdmin":true}},"code":${jsonText(reference)}}`
          : `{${JSON.stringify(key)}:{"code":${jsonText(reference)},"action":"claim","text":${jsonText(value)}},"code":${jsonText(reference)}}`,
      ),
    weight: 2,
  },
);

/** Where the card action comes from: mostly the supporter's personal chat, sometimes a channel or nobody known. */
const context = fc.constantFrom<"personal" | "channel" | "anonymous">("personal", "personal", "personal", "channel", "anonymous");

function invokeActivity(verb: string, dataJson: string, where: "personal" | "channel" | "anonymous", id: number): string {
  return invokeWithValue(`{"action":{"type":"Action.Execute","verb":${JSON.stringify(verb)},"data":${dataJson}}}`, where, id);
}

function invokeWithValue(valueJson: string, where: "personal" | "channel" | "anonymous", id: number): string {
  const from = where === "anonymous" ? { id: "29:unknown" } : { id: "29:sam", aadObjectId: sam.userId, name: sam.displayName };
  const conversation =
    where === "channel"
      ? { id: "19:general@thread.tacv2", conversationType: "channel", tenantId: DEV_TENANT_ID, isGroup: true }
      : { id: "a:sam-personal", conversationType: "personal", ...(where === "anonymous" ? {} : { tenantId: DEV_TENANT_ID }) };
  const envelope = {
    type: "invoke",
    name: "adaptiveCard/action",
    id: `fuzz-${id}`,
    channelId: "msteams",
    serviceUrl: connector.url,
    locale: "en-GB",
    timestamp: new Date().toISOString(),
    from,
    recipient: { id: "28:bot" },
    conversation,
    ...(where === "anonymous" ? {} : { channelData: { tenant: { id: DEV_TENANT_ID } } }),
    value: "__VALUE__",
  };
  // A function, not a string, as the replacement: "$&" in the data must stay as it is.
  return JSON.stringify(envelope).replace('"__VALUE__"', () => valueJson);
}

/** Cards per verb that named the real request: the fuzzing got past the lookup, not only to "not found". */
const reachedRealRequest = new Map<string, number>();
/** Submissions that passed validation and were stored: the fuzzing reached the store, not only the form check. */
let acceptedSubmissions = 0;

interface InvokeBody {
  statusCode?: unknown;
  type?: unknown;
  value?: { type?: unknown; code?: unknown; message?: unknown };
}

describe("Adaptive Card actions survive hostile data", () => {
  it("finds the verbs the bot handles", () => {
    expect(VERBS).toEqual(
      expect.arrayContaining(["submitRequest", "claimRequest", "refreshRequestCard", "requestAction", "requestDetails", "relayMessage"]),
    );
  });

  for (const verb of VERBS) {
    it(`${verb}: ${RUNS_PER_VERB} hostile submissions, each answered with a card or a 4xx invoke error`, async () => {
      let sequence = 0;
      const answered = { card: 0, invokeError: 0 };
      await fc.assert(
        fc.asyncProperty(hostileData, context, async (dataJson, where) => {
          const response = await fetch(`${server.url}/api/messages`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: invokeActivity(verb, dataJson, where, sequence++),
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          const body = JSON.parse(text) as InvokeBody;
          if (response.status === 200) {
            expect(body).toMatchObject({ statusCode: 200, type: CARD, value: { type: "AdaptiveCard" } });
            answered.card++;
            if (text.includes(realCode)) reachedRealRequest.set(verb, (reachedRealRequest.get(verb) ?? 0) + 1);
            const newCode = /PC-[2-9A-HJKMNP-Z]{6}/.exec(text)?.[0];
            if (verb === "submitRequest" && newCode && newCode !== realCode) acceptedSubmissions++;
          } else {
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(body).toMatchObject({ statusCode: response.status, type: INVOKE_ERROR, value: { code: expect.any(String) } });
            answered.invokeError++;
          }
        }),
        { numRuns: propertyRuns(RUNS_PER_VERB) },
      );
      expect(answered.card + answered.invokeError).toBe(RUNS_PER_VERB);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  }

  it(`a card action of any other shape: ${RUNS_PER_VERB} values without a proper action, or with a strange one`, async () => {
    const verb = fc.oneof(fc.constantFrom(...VERBS), anyValue);
    const hostileValue = fc.oneof(
      fc.jsonValue().map(jsonText),
      fc.constantFrom(
        "{}",
        '{"action":null}',
        '{"action":"x"}',
        '{"action":[]}',
        '"x"',
        "0",
        "true",
        "[]",
        '{"__proto__":{"action":{}}}',
        // Found by this property in CI: botbuilder put a type whose toString is not a function in a template string.
        '{"action":{"type":{"toString":0}}}',
        '{"action":{"type":{"valueOf":0,"toString":0}}}',
      ),
      fc
        .record({ type: fc.oneof(fc.constant("Action.Execute"), anyValue), verb, data: anyValue, id: anyValue }, { requiredKeys: [] })
        .map((action) => jsonText({ action })),
      fc.tuple(anyValue, anyValue).map(([action, authentication]) => jsonText({ action, authentication, state: action })),
    );
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(hostileValue, context, async (valueJson, where) => {
        const response = await fetch(`${server.url}/api/messages`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: invokeWithValue(valueJson, where, sequence++),
        });
        const text = await response.text();
        expect(response.status).toBeLessThan(500);
        const body = JSON.parse(text) as InvokeBody;
        if (response.status === 200) expect(body).toMatchObject({ statusCode: 200, type: CARD, value: { type: "AdaptiveCard" } });
        else expect(body).toMatchObject({ statusCode: response.status, type: INVOKE_ERROR, value: { code: expect.any(String) } });
      }),
      { numRuns: propertyRuns(RUNS_PER_VERB), examples: [['{"action":{"type":{"toString":0}}}', "personal"]] },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("got past validation often enough to mean something", () => {
    for (const verb of ["claimRequest", "refreshRequestCard"]) expect(reachedRealRequest.get(verb) ?? 0, verb).toBeGreaterThan(0);
    expect(acceptedSubmissions).toBeGreaterThan(0);
  });

  it("never failed a turn: no apology card went out and nothing was logged as an error", () => {
    const apology = botMessages("en-GB").turnFailed;
    expect(connector.bodies.filter((body) => body.includes(apology))).toEqual([]);
    const errors = server
      .logText()
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { level: number; msg?: string; event?: string; errorName?: string })
      .filter((entry) => entry.level >= 50)
      .map((entry) => `${entry.msg ?? ""} ${entry.event ?? ""} ${entry.errorName ?? ""}`);
    expect(errors).toEqual([]);
  });

  it("still answers a well-formed card action and the health probe afterwards", async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: invokeActivity("refreshRequestCard", JSON.stringify({ code: realCode }), "personal", -1),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    expect(JSON.stringify(body)).toContain(realCode);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
  });
});
