import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedRateLimiter } from "../http/shared-rate-limiter.js";
import { createLogger } from "../logger.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { PRESENCE_TTL_MS, SharedPresence } from "./shared-presence.js";
import { SharedStreamQuota } from "./stream-leases.js";

/** Two or three "instances" over one store, each with its own presence, quota and limiter, on one fake clock. */
let directory: string;
let store: EmbeddedStore;
let clock = Date.parse("2026-12-04T09:00:00Z");
const now = () => clock;
const logger = createLogger("silent");
const started: SharedPresence[] = [];

const presenceOf = (instanceId: string) => {
  const presence = new SharedPresence(store, instanceId, logger, now);
  started.push(presence);
  return presence;
};

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-presence-"));
  store = new EmbeddedStore({ directory, now });
});
afterAll(async () => {
  for (const presence of started) await presence.close();
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("shared presence", () => {
  it("shows who has a huddle open on any instance, and forgets them when they leave", async () => {
    const [a, b] = [presenceOf("a1"), presenceOf("b1")];
    const leaveAnn = await a.join("t1", "ann", "huddle-1");
    await b.join("t1", "bo", "huddle-1");
    await b.join("t1", "cy", "huddle-2");
    expect((await a.here("t1", "huddle-1")).sort()).toEqual(["ann", "bo"]);
    expect((await b.here("t1", "huddle-1")).sort()).toEqual(["ann", "bo"]);
    expect(await a.here("t2", "huddle-1")).toEqual([]);
    leaveAnn();
    await expect.poll(() => b.here("t1", "huddle-1")).toEqual(["bo"]);
  });

  it("stops counting an instance that stopped refreshing once its presence is past the TTL", async () => {
    const [a, b] = [presenceOf("a2"), presenceOf("b2")];
    await a.join("t3", "ann", "huddle-1");
    await a.close(); // as if it crashed: nothing more is written
    expect(await b.here("t3", "huddle-1")).toEqual(["ann"]);
    clock += PRESENCE_TTL_MS + 1;
    expect(await b.here("t3", "huddle-1")).toEqual([]);
  });
});

describe("the stream cap across instances", () => {
  it("admits exactly the cap over several instances, even at once, and frees places on release or death", async () => {
    const presences = [presenceOf("a3"), presenceOf("b3"), presenceOf("c3")];
    const quotas = presences.map((presence) => new SharedStreamQuota(store, presence, 4, logger, now));
    const attempts = await Promise.all(Array.from({ length: 9 }, (_, n) => quotas[n % 3]!.acquire("t4", "ann")));
    const admitted = attempts.filter((release) => release !== undefined);
    expect(admitted).toHaveLength(4);
    // Each admitted stream's presence, as the event stream writes it.
    for (const [n, release] of attempts.entries()) if (release) await presences[n % 3]!.join("t4", "ann", "huddle-1");
    expect(await quotas[0]!.acquire("t4", "ann")).toBeUndefined();
    admitted[0]!();
    await quotas[0]!.settle();
    const again = await quotas[1]!.acquire("t4", "ann");
    expect(again).toBeDefined();
    expect(await quotas[2]!.acquire("t4", "ann")).toBeUndefined();
    // An instance that dies: once its presence lapses and the grace passes, its places count no more.
    await presences[0]!.close();
    await presences[2]!.close();
    clock += PRESENCE_TTL_MS + 20_001;
    const survivors = await Promise.all([quotas[1]!.acquire("t4", "ann"), quotas[1]!.acquire("t4", "ann")]);
    expect(survivors.filter(Boolean).length).toBeGreaterThanOrEqual(1);
  });
});

describe("the rate limit across instances", () => {
  it("hands out the minute's budget once over three instances, within a tenth", async () => {
    clock = Date.parse("2026-12-04T10:00:00Z");
    const limiters = ["a", "b", "c"].map(() => new SharedRateLimiter(store, 100, logger, now));
    const waits = await Promise.all(Array.from({ length: 150 }, (_, n) => limiters[n % 3]!.take("t5", "ann")));
    const allowed = waits.filter((wait) => wait === 0).length;
    expect(allowed).toBeLessThanOrEqual(100);
    expect(allowed).toBeGreaterThanOrEqual(90);
    expect(Math.min(...waits.filter((wait) => wait > 0))).toBeGreaterThanOrEqual(1);
    expect(await limiters[0]!.take("t5", "bo")).toBe(0);
  });
});
