import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/src/config.js";
import { createLogger } from "../../bot/src/logger.js";
import { startServer, type RunningServer } from "../../bot/src/server.js";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import { postActivity, personalMessage, REFERENCE_CODE, requestSubmission } from "../support/bot-activities.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { startOutageCosmosServer, type OutageCosmosServer } from "../support/cosmos-outage-server.js";
import { devToken } from "../support/in-process-server.js";

type Phase = "before" | "outage" | "after";
/** One write as the client saw it: when it started and ended relative to the outage, and the answer. */
interface Attempt {
  phase: Phase;
  /** Both ends inside the outage: the store was unreachable for all of it. */
  whollyInOutage: boolean;
  status: number;
  retryAfter: string | null;
  body: string;
}

const REQUEST_TEXT = "Too many late nights";
const ZONES = Intl.supportedValuesOf("timeZone");
const ROLE_WRITERS = 6;

let cosmos: OutageCosmosServer;
let app: RunningServer & { url: string };
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  cosmos = await startOutageCosmosServer();
  const store = new CosmosStore({ endpoint: cosmos.endpoint, databaseId: `outage-${randomUUID()}`, key: "test-key", agent: cosmos.agent });
  await store.initialize();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    AUTH_MODE: "dev",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "100000",
    STORE_DEADLINE_MS: "1500",
  });
  const captureDirectory = process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
  const logger = captureDirectory ? createLogger("debug", join(captureDirectory, `server-${randomUUID()}.log`)) : createLogger("silent");
  const running = await startServer(config, logger, { store });
  app = { ...running, url: running.url.replace("localhost", "127.0.0.1") };
  connector = await startConnectorStub({ keepBodies: true });
  for (const user of ["ada", "mia", "max"]) tokens[user] = await devToken(app, user);
});

afterAll(async () => {
  await app?.close();
  await cosmos?.stop();
  await connector?.close();
});

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
  return performance.now() - started;
}

async function call(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
}

describe("a Cosmos DB outage under write load", () => {
  it("answers 503 with Retry-After while the store is down, keeps the bot safe, and resumes with every acknowledged write kept", async () => {
    let phase: Phase = "before";
    let outages = 0;
    let running = true;
    const roleWrites = new Map<string, { roles: string[]; attempt: Attempt }>();
    const preferenceWrites: { timeZone: string; attempt: Attempt }[] = [];
    const submissions: { code?: string | undefined; attempt: Attempt }[] = [];

    const attempt = async (send: () => Promise<{ status: number; retryAfter: string | null; body: string }>): Promise<Attempt> => {
      const startPhase = phase;
      const outagesAtStart = outages;
      const answer = await send();
      return { ...answer, phase: startPhase, whollyInOutage: startPhase === "outage" && phase === "outage" && outages === outagesAtStart };
    };
    const roleWriter = async () => {
      while (running) {
        const userId = randomUUID();
        const roles = Math.random() < 0.5 ? ["supporter"] : ["facilitator", "supporter"];
        roleWrites.set(userId, { roles, attempt: await attempt(() => call("ada", "PUT", `/api/admin/roles/${userId}`, { roles })) });
      }
    };
    // One writer per document, so "the last acknowledged value" is well defined.
    const preferenceWriter = async () => {
      for (let index = 0; running; index++) {
        const timeZone = ZONES[index % ZONES.length]!;
        preferenceWrites.push({ timeZone, attempt: await attempt(() => call("mia", "PUT", "/api/me/preferences", { timeZone })) });
      }
    };
    const submitter = async () => {
      for (let index = 0; running; index++) {
        const activity = requestSubmission({ user: "max", serviceUrl: connector.url, id: `submit-${index}`, text: REQUEST_TEXT });
        const answer = await attempt(async () => ({ ...(await postActivity(app.url, activity)), retryAfter: null }));
        submissions.push({ ...(answer.status === 200 ? { code: REFERENCE_CODE.exec(answer.body)?.[0] } : {}), attempt: answer });
      }
    };
    const confirmed = () => submissions.filter((submission) => submission.attempt.body.includes("Your request is saved"));
    const acknowledgedRoles = () => [...roleWrites.values()].filter(({ attempt }) => attempt.status === 200);
    // A writer that cannot reach the app server at all is a failure of its own, kept for the end.
    const failures: string[] = [];
    const keepFailure = (writer: () => Promise<void>) => writer().catch((error: unknown) => void failures.push(String(error)));
    const load = Promise.all([
      ...Array.from({ length: ROLE_WRITERS }, () => keepFailure(roleWriter)),
      keepFailure(preferenceWriter),
      keepFailure(submitter),
    ]);

    try {
      await until(() => acknowledgedRoles().length >= 60 && confirmed().length >= 3, "writes before the outage");

      phase = "outage";
      outages++;
      await cosmos.cut();
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      expect(await ready.json()).toMatchObject({ code: "store_unavailable", message: expect.any(String) });

      const inOutage = (attempts: Attempt[]) => attempts.filter((one) => one.whollyInOutage);
      await until(
        () =>
          inOutage([...roleWrites.values()].map((write) => write.attempt)).length >= 30 &&
          inOutage(preferenceWrites.map((write) => write.attempt)).length >= 3 &&
          inOutage(submissions.map((submission) => submission.attempt)).length >= 2,
        "writes during the outage",
      );

      // Someone in crisis writes while storage is down: the emergency contacts still reach them.
      const repliesBefore = connector.bodies.length;
      await postActivity(
        app.url,
        personalMessage({ user: "mia", serviceUrl: connector.url, id: "crisis-1", text: "I want to end my life" }),
      );
      await until(() => connector.bodies.length > repliesBefore, "the bot's reply to a crisis message");
      expect(connector.bodies[repliesBefore]).toContain("If you are in danger or thinking about ending your life");

      phase = "after";
      const restored = performance.now();
      await cosmos.restore();
      const readyAgainMs = await until(async () => (await fetch(`${app.url}/readyz`)).status === 200, "readiness after the outage");
      await until(
        () =>
          acknowledgedRoles().filter(({ attempt }) => attempt.phase === "after").length >= 60 &&
          confirmed().filter(({ attempt }) => attempt.phase === "after").length >= 3 &&
          preferenceWrites.some(({ attempt }) => attempt.phase === "after" && attempt.status === 200),
        "writes after the outage",
      );
      const resumedMs = performance.now() - restored;
      running = false;
      await load;
      expect(failures).toEqual([]);

      // While the store was down, every write was refused the same way: 503, Retry-After, { code, message }.
      const refused = [...[...roleWrites.values()].map((write) => write.attempt), ...preferenceWrites.map((write) => write.attempt)].filter(
        (one) => one.whollyInOutage,
      );
      for (const one of refused) {
        expect(one.status).toBe(503);
        expect(one.retryAfter).toBe("5");
        expect(JSON.parse(one.body)).toEqual({ code: expect.stringMatching(/^store_(unavailable|timeout)$/), message: expect.any(String) });
      }
      // The bot says plainly that nothing was sent, keeps the words, and shows the emergency contacts.
      for (const { attempt: one } of submissions.filter((submission) => submission.attempt.whollyInOutage)) {
        expect(one.status).toBe(200);
        expect(one.body).toContain("We couldn't save this");
        expect(one.body).toContain("has NOT been sent");
        expect(one.body).toContain(REQUEST_TEXT);
        expect(one.body).toContain("If you are in danger or thinking about ending your life");
      }
      // Nothing but "saved" and "storage is down" anywhere in the run: no 500s, no hangs turned errors.
      const everyAnswer = [...roleWrites.values()]
        .map((write) => write.attempt.status)
        .concat(preferenceWrites.map((w) => w.attempt.status));
      expect(new Set(everyAnswer)).toEqual(new Set([200, 503]));

      // Every write acknowledged before or after the outage is there, in the same server process.
      const listing = JSON.parse((await call("ada", "GET", "/api/admin/roles")).body) as {
        assignments: { userId: string; roles: string[] }[];
      };
      const stored = new Map(listing.assignments.map((assignment) => [assignment.userId, assignment.roles]));
      const lostRoles = [...roleWrites].filter(
        ([userId, write]) => write.attempt.status === 200 && JSON.stringify(stored.get(userId)) !== JSON.stringify(write.roles),
      );
      expect(lostRoles).toEqual([]);

      const lastAcknowledged = preferenceWrites.map((write) => write.attempt.status).lastIndexOf(200);
      const finalPreferences = JSON.parse((await call("mia", "GET", "/api/me/preferences")).body) as { timeZone: string };
      // A refused write may still have landed; nothing older than the last acknowledged one may show.
      expect(preferenceWrites.slice(lastAcknowledged).map((write) => write.timeZone)).toContain(finalPreferences.timeZone);

      const mine = JSON.parse((await call("max", "GET", "/api/requests/mine")).body) as { requests: { referenceCode: string }[] };
      const storedCodes = mine.requests.map((request) => request.referenceCode);
      expect(new Set(storedCodes).size).toBe(storedCodes.length);
      const confirmedCodes = confirmed().map((submission) => submission.code);
      expect(confirmedCodes.filter((code) => !storedCodes.includes(code!))).toEqual([]);

      const refusedRoles = [...roleWrites.values()].filter(({ attempt }) => attempt.status === 503);
      const refusedButStored = [...roleWrites].filter(([userId, write]) => write.attempt.status === 503 && stored.has(userId)).length;
      console.log(
        `outage: readyz 200 ${Math.round(readyAgainMs)} ms after restore, writes flowing again after ${Math.round(resumedMs)} ms; ` +
          `role writes acknowledged ${acknowledgedRoles().length} (lost 0), refused ${refusedRoles.length} (of which stored anyway ${refusedButStored}); ` +
          `bot requests confirmed ${confirmedCodes.length}, store-down replies ${submissions.filter((s) => s.attempt.body.includes("We couldn't save this")).length}, ` +
          `stored ${storedCodes.length}`,
      );
    } finally {
      running = false;
      await load;
    }
  }, 50_000);
});
