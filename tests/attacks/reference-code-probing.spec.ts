import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_API_ROUTES } from "../../bot/src/api/all-routes.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { REQUEST_ACTIONS } from "../../shared/index.js";
import { fillPath, paramNames, routeKey } from "../support/api-routes.js";
import { startRequestScenario, type Answer, type RequestScenario } from "../support/request-scenario.js";

/**
 * Issue #13, point 7: a stranger holding a reference code must not learn whether it exists. For
 * every API route and bot card that takes a code, an existing request the caller has no part in is
 * answered exactly as a code that was never issued: same status, same body, and the same work on
 * the store (so the same time, give or take noise).
 */
const ABSENT = "PC-22222Z";
const PLACEHOLDER = "PC-??????";

let scenario: RequestScenario;
const storeLog: string[] = [];
let recording = false;
/** Requests of Mia's in three states, each claimed (if at all) by Sam. */
const codes = { open: "", claimed: "", closed: "" };

/** Records each storage call (its kind and container, never ids) while a probe runs, but the rate limit's. */
function recordingStore(inner: DocumentStore): DocumentStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) => {
        // The shared rate limit's counter is the caller's own, claimed in chunks as their calls add
        // up whatever code they send, so its reads and writes say nothing about the code.
        const rateCounter = args.some((arg) => typeof arg === "string" && arg.startsWith("rate-"));
        if (recording && !rateCounter) storeLog.push(`${property} ${String(args[0])}`);
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

interface Probe {
  name: string;
  send(code: string): Promise<Answer>;
}

/** Every API route with a :code, with each body it accepts; new routes are probed without editing this test. */
function apiProbes(caller: string): Probe[] {
  return ALL_API_ROUTES.filter((route) => paramNames(route.path).includes("code")).flatMap((route) => {
    const bodies: unknown[] = route.path.endsWith("/actions")
      ? REQUEST_ACTIONS.map((action) => ({ action }))
      : route.path.endsWith("/messages")
        ? [{ message: "Is anyone there?" }]
        : [undefined];
    return bodies.map((body) => ({
      name: `${routeKey(route)} ${body ? JSON.stringify(body) : ""}`,
      send: (code: string) => scenario.call(caller, route.method.toUpperCase(), fillPath(route.path, { code }), body),
    }));
  });
}

function cardProbes(caller: string): Probe[] {
  const presses: [string, (code: string) => unknown][] = [
    ["claimRequest", (code) => ({ code })],
    ["refreshRequestCard", (code) => ({ code })],
    ["requestDetails", (code) => ({ code })],
    ["relayMessage", (code) => ({ code, message: "Is anyone there?" })],
    ...(["release", "start_conversation", "refer", "resolve", "withdraw"] as const).map(
      (action) => ["requestAction", (code: string) => ({ code, action })] as [string, (code: string) => unknown],
    ),
  ];
  return presses.map(([verb, data]) => ({
    name: `bot card ${verb} ${JSON.stringify(data("code"))}`,
    send: (code: string) => scenario.press(caller, verb, data(code)),
  }));
}

/** The answer with the code itself blanked, so echoing the code back is not counted as a difference. */
async function probe(send: Probe["send"], code: string): Promise<{ status: number; body: string; storeCalls: string[] }> {
  storeLog.length = 0;
  recording = true;
  const answer = await send(code);
  recording = false;
  // Activity ids and timestamps differ per call; they say nothing about the request.
  const body = answer.text
    .split(code)
    .join(PLACEHOLDER)
    .replace(/"(id|timestamp|localTimestamp)":"[^"]*"/g, '"$1":""');
  return { status: answer.status, body, storeCalls: [...storeLog] };
}

beforeAll(async () => {
  scenario = await startRequestScenario(recordingStore);
  await scenario.say("sam", "on duty");
  codes.open = await scenario.ask("mia", { text: "still open", shareName: false });
  codes.claimed = await scenario.ask("mia", { text: "taken by Sam", shareName: true });
  codes.closed = await scenario.ask("mia", { text: "withdrawn since", shareName: false });
  expect((await scenario.call("sam", "POST", `/api/requests/${codes.claimed}/actions`, { action: "claim" })).status).toBe(200);
  expect((await scenario.call("mia", "POST", `/api/requests/${codes.closed}/actions`, { action: "withdraw" })).status).toBe(200);
});
afterAll(async () => scenario?.stop());

/** Who probes which of Mia's requests: people with no part in it. Sky, a supporter, sees active requests in the queue. */
const STRANGERS: [string, (keyof typeof codes)[]][] = [
  ["max", ["open", "claimed", "closed"]],
  ["ada", ["open", "claimed", "closed"]],
  ["sky", ["closed"]],
];

describe("probing reference codes", () => {
  for (const [stranger, states] of STRANGERS) {
    it(`${stranger} cannot tell Mia's ${states.join(", ")} requests from a code never issued, through the API or the bot`, async () => {
      const differences: string[] = [];
      for (const { name, send } of [...apiProbes(stranger), ...cardProbes(stranger)]) {
        const absent = await probe(send, ABSENT);
        for (const state of states) {
          const existing = await probe(send, codes[state]);
          if (existing.status !== absent.status || existing.body !== absent.body)
            differences.push(`${name} on the ${state} request: ${existing.status} ${existing.body} ≠ ${absent.status} ${absent.body}`);
          else if (existing.storeCalls.join() !== absent.storeCalls.join())
            differences.push(`${name} on the ${state} request: store calls ${existing.storeCalls.join()} ≠ ${absent.storeCalls.join()}`);
        }
      }
      expect(differences).toEqual([]);
    });
  }

  it("answers a stranger in about the same time whether the code exists or not", async () => {
    const timed = async (code: string) => {
      const started = performance.now();
      await scenario.call("max", "GET", `/api/requests/${code}`);
      return performance.now() - started;
    };
    const existing: number[] = [];
    const absent: number[] = [];
    for (let round = 0; round < 40; round++) {
      existing.push(await timed(codes.claimed));
      absent.push(await timed(ABSENT));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Generous: the machine is shared; a lookup that did real extra work would still stand out.
    expect(Math.abs(median(existing) - median(absent))).toBeLessThan(Math.max(5, median(absent)));
  });

  it("still tells the people involved the real reason a change is refused", async () => {
    const closed = await scenario.call("mia", "POST", `/api/requests/${codes.closed}/actions`, { action: "withdraw" });
    expect(closed.status).toBe(409);
    const twice = await scenario.call("sky", "POST", `/api/requests/${codes.claimed}/actions`, { action: "claim" });
    expect(twice.status).toBe(409);
    const notTheirs = await scenario.call("mia", "POST", `/api/requests/${codes.claimed}/actions`, { action: "resolve" });
    expect(notTheirs.status).toBe(403);
  });
});
