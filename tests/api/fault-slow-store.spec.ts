import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { StoreUnavailableError } from "../../bot/src/storage/store-errors.js";
import { postActivity, requestSubmission } from "../support/bot-activities.js";
import { startHttpLoad, type LoadCall } from "../support/http-load.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

const DEADLINE_MS = 500;
const STORE_LATENCY_MS = 3_000;
const HEALTH_SAMPLES = 200;
const LOAD_CLIENTS = 24;
const OPERATIONS = ["get", "create", "replace", "delete", "query", "ping"] as const;
/**
 * "At the deadline" means closer to the deadline than to the store's latency. A fixed slack was
 * missed by up to 120 ms when the whole suite ran in parallel on a slow two-core machine, while a
 * request that waited on the store would still be a full second past this bound.
 */
const AT_THE_DEADLINE_MS = (DEADLINE_MS + STORE_LATENCY_MS) / 2;

/** Store latency is switched on only once the server has started: start-up itself reads the store. */
let latencyMs = 0;
let slowCalls = 0;
let settledSlowCalls = 0;
let lateRejections = 0;
let server: TestServer;
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

/** Every call waits; every other slow call then fails, so late failures are exercised as well as late answers. */
function slowed(store: DocumentStore): DocumentStore {
  const wrapped = Object.create(store) as DocumentStore;
  for (const operation of OPERATIONS) {
    const original = (store[operation] as (...args: unknown[]) => Promise<unknown>).bind(store);
    Object.assign(wrapped, {
      [operation]: async (...args: unknown[]) => {
        if (latencyMs > 0) {
          const failLate = slowCalls++ % 2 === 1;
          try {
            await delay(latencyMs);
            if (failLate) {
              lateRejections++;
              throw new StoreUnavailableError(new Error("late failure"));
            }
          } finally {
            settledSlowCalls++;
          }
        }
        return original(...args);
      },
    });
  }
  return Object.assign(wrapped, { close: () => store.close() });
}

beforeAll(async () => {
  process.on("unhandledRejection", recordUnhandled);
  server = await startTestServer({ AUTH_MODE: "dev", STORE_DEADLINE_MS: String(DEADLINE_MS) }, undefined, slowed);
});
afterAll(async () => {
  latencyMs = 0;
  process.off("unhandledRejection", recordUnhandled);
  await server?.stop();
});

/** Polls a condition every 10 ms until it holds, failing with `what` after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(10);
  }
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(fraction * sorted.length) - 1]!;
}

async function timed(send: () => Promise<Response>) {
  const started = performance.now();
  const response = await send();
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

describe(`a store that takes ${STORE_LATENCY_MS} ms per call, with STORE_DEADLINE_MS=${DEADLINE_MS}`, () => {
  it("answers 503 store_timeout at the deadline, keeps /healthz fast, and survives the late results", async () => {
    const tokens = { mia: await devToken(server, "mia"), ada: await devToken(server, "ada") };
    const calls: LoadCall[] = [
      { method: "PUT", path: "/api/me/preferences", token: tokens.mia, body: { theme: "dark" } },
      { method: "GET", path: "/api/requests/mine", token: tokens.mia },
      { method: "PUT", path: "/api/admin/roles/00000000-0000-4000-8000-0000000000a1", token: tokens.ada, body: { roles: ["supporter"] } },
      { method: "GET", path: "/api/admin/roles", token: tokens.ada },
    ];
    latencyMs = STORE_LATENCY_MS;

    const load = startHttpLoad(server.url, calls, LOAD_CLIENTS);
    const ready = timed(() => fetch(`${server.url}/readyz`));
    const submission = timed(() =>
      postActivity(
        server.url,
        requestSubmission({ user: "mia", serviceUrl: "http://127.0.0.1:9/", id: "slow-1", text: "private words" }),
      ).then(({ status, body }) => new Response(body, { status })),
    );

    // Sampling starts once the first timed-out calls have come back late, and runs while more of them do.
    await until(() => lateRejections > 0, "the first late store failure", STORE_LATENCY_MS * 5);
    const health: number[] = [];
    for (let sample = 0; sample < HEALTH_SAMPLES; sample++) {
      const answer = await timed(() => fetch(`${server.url}/healthz`));
      expect(answer.status).toBe(200);
      health.push(answer.ms);
      await delay(10);
    }
    const answers = await load.stop();

    expect(answers.length).toBeGreaterThan(40);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("5");
      expect(JSON.parse(answer.body)).toEqual({ code: "store_timeout", message: expect.stringMatching(/taking too long/) });
    }
    const waits = answers.map((answer) => answer.ms);
    // Each request stops at its first timed-out call: about the deadline, nowhere near the store's 3 s.
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    expect(percentile(waits, 0.99)).toBeLessThan(AT_THE_DEADLINE_MS);
    expect(Math.max(...waits)).toBeLessThan(STORE_LATENCY_MS);

    const readiness = await ready;
    expect(readiness.status).toBe(503);
    expect(readiness.ms).toBeLessThan(AT_THE_DEADLINE_MS);
    // The bot gives up on the form's supporter list, then on the write: two deadlines, and the store-slow card.
    const card = await submission;
    expect(card.status).toBe(200);
    // The write itself timed out and may still land, so the card must not say it was not sent.
    expect(card.body).toContain("We couldn't confirm this was saved");
    expect(card.body).not.toContain("NOT been sent");
    expect(card.body).toContain("If you are in danger or thinking about ending your life");
    // Two deadlines are 1 s; waiting on even one store call would be 3 s. On a loaded two-core
    // machine the first bound was once missed by 57 ms, so the test holds the one that means something.
    expect(card.ms).toBeGreaterThanOrEqual(DEADLINE_MS * 2 - 10);
    expect(card.ms).toBeLessThan(STORE_LATENCY_MS);

    const p99 = percentile(health, 0.99);
    expect(p99).toBeLessThanOrEqual(50);

    // Let every abandoned call finish (half of them by failing), then check nothing escaped.
    await until(() => settledSlowCalls === slowCalls, "every slow store call to settle", STORE_LATENCY_MS * 5);
    await new Promise(setImmediate); // one more turn, for any rejection nobody handled to be reported
    expect(lateRejections).toBeGreaterThan(10);
    expect(unhandled).toEqual([]);

    latencyMs = 0;
    const afterwards = await fetch(`${server.url}/api/me/preferences`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${tokens.mia}`, "Content-Type": "application/json" },
      body: JSON.stringify({ theme: "dark" }),
    });
    expect(afterwards.status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    console.log(
      `slow store: ${answers.length} API answers, all 503 store_timeout, wait median ${Math.round(percentile(waits, 0.5))} ms ` +
        `p99 ${Math.round(percentile(waits, 0.99))} ms max ${Math.round(Math.max(...waits))} ms; bot store-down card after ${Math.round(card.ms)} ms; ` +
        `/healthz over ${HEALTH_SAMPLES} samples median ${percentile(health, 0.5).toFixed(1)} ms p99 ${p99.toFixed(1)} ms max ${Math.max(...health).toFixed(1)} ms; ` +
        `${slowCalls} slow store calls, ${lateRejections} failed late, 0 unhandled rejections`,
    );
  }, 30_000);
});
