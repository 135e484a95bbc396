import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { huddleDocumentId } from "../../bot/src/huddles/huddle-service.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { ResponseSweeper, type EscalationNotifier } from "../../bot/src/requests/response-sweeper.js";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import { startCosmosTestServer, type RunningCosmosServer } from "../support/cosmos-test-server.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../support/round-robin-proxy.js";
import { INSTANCE_CLIENT_ID, spawnInstanceProcess, type InstanceProcess } from "../support/instance-process.js";
import { SsePanel, until } from "../support/sse-panel.js";

/**
 * Issue #15, acceptance 1: three server processes on one Cosmos test server, behind a round-robin
 * balancer written for the test. Nothing is shared between the processes but the store.
 */

const CLIENT_ID = INSTANCE_CLIENT_ID;
const TENANT = "7e7e7e7e-0000-4000-8000-000000000015";
const oid = (n: number) => `15151515-0000-4000-8000-${String(n).padStart(12, "0")}`;
/** Six people in the huddle; the first facilitates. A seventh opens many windows; an eighth calls too often. */
const PEOPLE = [1, 2, 3, 4, 5, 6].map(oid);
const [FACILITATOR] = PEOPLE as [string];
const MANY_WINDOWS = oid(7);
const CHATTY = oid(8);
const MEETING = "19:meeting_c2NhbGUtb3V0LTE1@thread.v2";
const OTHER_MEETING = "19:meeting_b3RoZXItbWVldGluZw@thread.v2";
const RATE = 300;
const STREAMS = 6;

let cosmos: RunningCosmosServer;
let roster: MeetingRosterConnector;
let proxy: RoundRobinProxy;
let signingKey: CryptoKey;
let store: CosmosStore;
const databaseId = `scale-${randomUUID().slice(0, 8)}`;
const instances: InstanceProcess[] = [];
const panels: SsePanel[] = [];

const token = (userId: string) =>
  new SignJWT({ tid: TENANT, oid: userId, name: "Scale Person", preferred_username: "person@scale.example", scp: "access_as_user" })
    .setProtectedHeader({ alg: "RS256", kid: "scale-key" })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(signingKey);

async function call(userId: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${proxy.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${await token(userId)}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

const huddlePath = (meetingId: string, suffix = "") => `/api/huddles/${encodeURIComponent(meetingId)}${suffix}`;

async function spawnInstance(jwks: string): Promise<void> {
  const instance = await spawnInstanceProcess({
    cosmosEndpoint: cosmos.endpoint,
    databaseId,
    rosterUrl: roster.url,
    jwks,
    admin: FACILITATOR,
    logLevel: "info",
    extraEnvironment: { RATE_LIMIT_PER_MINUTE: String(RATE), SSE_STREAMS_PER_USER: String(STREAMS) },
  });
  instances.push(instance);
}

beforeAll(async () => {
  cosmos = await startCosmosTestServer();
  roster = await startMeetingRosterConnector({ [MEETING]: PEOPLE, [OTHER_MEETING]: [MANY_WINDOWS] });
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "scale-key", alg: "RS256", use: "sig" }] });
  // The first instance creates the database and containers; the others then find them.
  await spawnInstance(jwks);
  await Promise.all([spawnInstance(jwks), spawnInstance(jwks)]);
  proxy = await startRoundRobinProxy(instances.map((instance) => instance.url));
  store = new CosmosStore({ endpoint: cosmos.endpoint, databaseId, key: "test-key", agent: cosmos.agent });
  await store.initialize();
}, 120_000);

afterAll(async () => {
  for (const panel of panels) panel.stop();
  await Promise.all(
    instances.map(({ child }) =>
      child.exitCode === null && child.signalCode === null
        ? new Promise((resolve) => {
            child.once("exit", resolve);
            child.kill("SIGTERM");
          })
        : Promise.resolve(),
    ),
  );
  await proxy?.close();
  await roster?.close();
  await store?.close();
  await cosmos?.stop();
}, 60_000);

/** Sends a facilitator action through the balancer and waits until every panel shows its version. */
async function actAndWatch(
  type: string,
  timeoutMs = 5_000,
): Promise<{ version: string; propagationMs: number; json: Record<string, unknown> }> {
  const { status, json } = await call(FACILITATOR, huddlePath(MEETING, "/actions"), { type });
  expect(status, JSON.stringify(json)).toBe(200);
  const version = json.version as string;
  const propagationMs = await until(() => panels.every((panel) => panel.latest?.version === version), timeoutMs, `every panel at ${type}`);
  return { version, propagationMs, json };
}

describe("three instances on one store, behind a round-robin balancer", () => {
  it("shows every change on six panels spread over the instances within 1 s, and the round holds all six", async () => {
    expect((await call(FACILITATOR, "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" })).status).toBe(201);
    const before = proxy.routed.length;
    for (const person of PEOPLE) {
      const panel = new SsePanel(`${proxy.url}${huddlePath(MEETING, "/events")}`, () => token(person));
      panels.push(panel);
      await panel.open();
    }
    const streamUpstreams = proxy.routed.slice(before).filter((entry) => entry.path.endsWith("/events"));
    expect(new Set(streamUpstreams.map((entry) => entry.upstream)).size).toBe(3);

    const timings: number[] = [];
    const actions = ["start", "next", "next_speaker", "pause", "resume"];
    const served: number[] = [];
    for (const type of actions) {
      const { propagationMs, json } = await actAndWatch(type);
      served.push(proxy.routed.at(-1)!.upstream);
      timings.push(propagationMs);
      if (type === "next") expect((json.session as { clock: { speakers: string[] } }).clock.speakers).toHaveLength(6);
    }
    // The actions went to different instances, and every panel saw each one within a second.
    expect(new Set(served).size).toBeGreaterThan(1);
    expect(Math.max(...timings)).toBeLessThanOrEqual(1_000);
    console.log(`scale-out: change propagation over 3 instances, ms: ${timings.map((ms) => Math.round(ms)).join(", ")}`);
    for (const panel of panels) expect(panel.latest?.session.clock.speakers).toHaveLength(6);
    // The facilitator's "who is here", asked of any instance, is the same six, as opaque keys and names only.
    const here = await call(FACILITATOR, huddlePath(MEETING, "/presence"));
    const people = here.json.people as { key: string; displayName: string; you: boolean }[];
    expect(people.map((person) => person.key).sort()).toEqual([...panels[0]!.latest!.session.clock.speakers].sort());
    expect(people.filter((person) => person.you)).toHaveLength(1);
    for (const person of PEOPLE) expect(JSON.stringify(here.json)).not.toContain(person);
  }, 60_000);

  it("holds the rate limit across the three instances within 10%", async () => {
    // The limit counts per clock minute (the one before fading out over this one); a fresh person,
    // early in a minute, has this minute's budget alone.
    await until(() => Date.now() % 60_000 < 15_000, 61_000, "the start of a minute");
    const boundary = (Math.floor(Date.now() / 60_000) + 1) * 60_000;
    const outcomes: { status: number; endedAt: number }[] = [];
    const worker = async (calls: number) => {
      for (let n = 0; n < calls; n++) {
        const { status } = await call(CHATTY, "/api/time");
        outcomes.push({ status, endedAt: Date.now() });
      }
    };
    await Promise.all(Array.from({ length: 24 }, () => worker(15)));
    const inMinute = outcomes.filter((outcome) => outcome.endedAt < boundary);
    const allowed = inMinute.filter((outcome) => outcome.status === 200).length;
    const refused = inMinute.filter((outcome) => outcome.status === 429).length;
    console.log(
      `scale-out: rate limit ${RATE}/min over 3 instances: ${allowed} allowed, ${refused} refused of ${inMinute.length} in one minute`,
    );
    expect(outcomes.every((outcome) => outcome.status === 200 || outcome.status === 429)).toBe(true);
    expect(refused).toBeGreaterThan(0);
    expect(allowed).toBeLessThanOrEqual(RATE * 1.1);
    expect(allowed).toBeGreaterThanOrEqual(RATE * 0.9);
  }, 150_000);

  it("holds the stream cap across the three instances", async () => {
    const opened: SsePanel[] = [];
    const statuses: number[] = [];
    for (let n = 0; n < STREAMS + 4; n++) {
      const response = await fetch(`${proxy.url}${huddlePath(OTHER_MEETING, "/events")}`, {
        headers: { Authorization: `Bearer ${await token(MANY_WINDOWS)}` },
      });
      statuses.push(response.status);
      if (response.status === 200) opened.push({ stop: () => void response.body?.cancel() } as SsePanel);
      else await response.arrayBuffer();
    }
    console.log(`scale-out: stream cap ${STREAMS} over 3 instances: ${statuses.filter((status) => status === 200).length} opened`);
    expect(statuses.filter((status) => status === 200)).toHaveLength(STREAMS);
    expect(statuses.slice(STREAMS).every((status) => status === 429)).toBe(true);
    // A window closed on one instance frees a place on any other.
    opened[0]!.stop();
    await until(
      async () => {
        const response = await fetch(`${proxy.url}${huddlePath(OTHER_MEETING, "/events")}`, {
          headers: { Authorization: `Bearer ${await token(MANY_WINDOWS)}` },
        });
        if (response.status === 200) opened.push({ stop: () => void response.body?.cancel() } as SsePanel);
        else await response.arrayBuffer();
        return response.status === 200;
      },
      5_000,
      "a freed place",
    );
    for (const stream of opened) stream.stop();
  }, 60_000);

  it("moves the panels of a killed instance to the others, which catch up with nothing lost", async () => {
    const victim = instances[1]!;
    const cutsBefore = panels.map((panel) => panel.cuts);
    victim.child.kill("SIGKILL");
    await until(() => victim.child.exitCode !== null || victim.child.signalCode !== null, 10_000, "the instance to die");
    // Changes go on while its panels find their way to the others. Catching up is the claim here, not
    // how fast: on a loaded 2-core machine the reconnects (membership, lease, first state) can take seconds.
    await actAndWatch("next", 30_000);
    const last = await actAndWatch("extend");
    expect(panels.some((panel, index) => panel.cuts > cutsBefore[index]!)).toBe(true);
    // Each state is the whole huddle, so a panel at the latest version has missed nothing.
    const truth = await call(PEOPLE[2]!, huddlePath(MEETING));
    for (const panel of panels) {
      expect(panel.latest?.version).toBe(last.version);
      expect(panel.latest?.session.clock).toEqual((truth.json.session as { clock: unknown }).clock);
    }
    const ended = await actAndWatch("end");
    expect(ended.json.session).toMatchObject({ clock: { phase: "ended" } });
  }, 60_000);

  it("records each of the six in the session's attendance and in participation, once", async () => {
    const attendance = await store.get<{ attendees: string[] }>("huddles", TENANT, `${huddleDocumentId(MEETING)}-attendance`);
    expect([...(attendance?.value.attendees ?? [])].sort()).toEqual([...PEOPLE].sort());
    const events = await store.query<{ person: string }>("audit", TENANT, { where: { kind: "participation" } });
    expect(events).toHaveLength(6);
    expect(new Set(events.map((event) => event.value.person)).size).toBe(6);
  });

  it("sends each response reminder exactly once with three sweepers racing on the shared store", async () => {
    let clock = Date.parse("2026-11-23T10:00:00Z"); // a Monday
    const now = () => new Date(clock);
    // Its own database, so the instances' own sweepers (on the real clock) stay out of this race.
    const store = new CosmosStore({ endpoint: cosmos.endpoint, databaseId: `${databaseId}-sweep`, key: "test-key", agent: cosmos.agent });
    await store.initialize();
    const requests = new RequestService(store, now);
    const request = await requests.submit(
      { tenantId: `${TENANT}-sweep`, userId: CHATTY },
      { category: "workload", urgency: "today", preference: "any", contact: "chat", shareName: false },
      { level: "none", reasons: [] },
    );
    const sent: string[] = [];
    const notifier: EscalationNotifier = {
      resendToAllSupporters: async () => void sent.push("resend"),
      notifyAdmins: async () => void sent.push("admins"),
      tellRequesterChased: async () => void sent.push("chased"),
    };
    const sweepers = ["a", "b", "c"].map(
      (instanceId) => new ResponseSweeper({ store, requests, notifier, instanceId, now, leaseMs: 10_000 }),
    );
    const sweepAll = async () => (await Promise.all(sweepers.map((sweeper) => sweeper.sweepOnce()))).reduce((a, b) => a + b, 0);
    clock += 61 * 60_000; // the one-hour target for "today" is missed
    expect(await sweepAll()).toBe(1);
    for (let round = 0; round < 3; round++) {
      clock += 20_000; // past the lease each time: another sweeper may take it, and must not repeat the reminder
      expect(await sweepAll()).toBe(0);
    }
    clock += 60 * 60_000; // the second miss goes to the admins, once
    expect(await sweepAll()).toBe(1);
    clock += 20_000;
    expect(await sweepAll()).toBe(0);
    expect(sent).toEqual(["resend", "chased", "admins"]);
    expect(request.referenceCode).toBeTruthy();
    await store.close();
  });
});
