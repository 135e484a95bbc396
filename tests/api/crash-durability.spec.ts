import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RequestAction, RequestStatus } from "../../shared/index.js";
import { postActivity, REFERENCE_CODE, requestSubmission } from "../support/bot-activities.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { spawnServer, type ServerProcess } from "../support/server-process.js";

/** Acknowledged writes of each kind to reach before the kill; writers keep going past them. */
const TARGET = { roles: 600, requestSteps: 60, preferences: 30 };
const ROLE_WRITERS = 8;
const REQUEST_WORKERS = 4;
const REQUEST_TEXT = "struggling with my workload";
const ZONES = Intl.supportedValuesOf("timeZone");
/** What each request goes through after it is submitted: a mix of endings, each step by whoever may take it. */
const SCRIPTS: { action: RequestAction; by: "sam" | "requester" }[][] = [
  [
    { action: "claim", by: "sam" },
    { action: "start_conversation", by: "sam" },
    { action: "resolve", by: "sam" },
  ],
  [
    { action: "claim", by: "sam" },
    { action: "release", by: "sam" },
    { action: "withdraw", by: "requester" },
  ],
  [{ action: "withdraw", by: "requester" }],
];
const STATUS_AFTER: Record<RequestAction, RequestStatus> = {
  claim: "claimed",
  release: "open",
  start_conversation: "in_conversation",
  refer: "referred",
  resolve: "resolved",
  withdraw: "withdrawn",
};

/** A submitted request as its client saw it: which steps were acknowledged, and one possibly cut off by the kill. */
interface RequestRecord {
  code: string;
  requester: "mia" | "max";
  acknowledged: RequestAction[];
  inFlight?: RequestAction;
}

const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-crash-"));
const running: ServerProcess[] = [];
let connector: Awaited<ReturnType<typeof startConnectorStub>> | undefined;

afterAll(async () => {
  for (const server of running) server.child.kill("SIGKILL");
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function tokensFor(server: ServerProcess): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const user of ["ada", "sam", "mia", "max"]) {
    tokens[user] = ((await (await fetch(`${server.url}/api/dev/token?user=${user}`)).json()) as { token: string }).token;
  }
  return tokens;
}

function caller(server: ServerProcess, tokens: Record<string, string>) {
  return (user: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

describe("durability of the embedded store", () => {
  it("keeps every acknowledged write of a mixed load after kill -9, with nothing doubled and every trail matching its status", async () => {
    connector = await startConnectorStub();
    // The per-person rate limit would turn this load into 429s; it has its own test.
    const environment = { AUTH_MODE: "dev", DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: "100000" };
    const first = await spawnServer(environment);
    running.push(first);
    const call = caller(first, await tokensFor(first));
    const roleWrites = new Map<string, string[]>();
    const requests: RequestRecord[] = [];
    const preferences: { timeZone: string; acknowledged: boolean }[] = [];
    const unexpected: string[] = [];
    let submissionsCutOff = 0;
    let killed = false;

    const requestSteps = () => requests.reduce((sum, request) => sum + 1 + request.acknowledged.length, 0);
    const killWhenDue = () => {
      if (killed) return;
      const acknowledgedPreferences = preferences.filter((write) => write.acknowledged).length;
      if (roleWrites.size < TARGET.roles || requestSteps() < TARGET.requestSteps || acknowledgedPreferences < TARGET.preferences) return;
      killed = true;
      first.child.kill("SIGKILL");
    };
    // Each writer stops at its first connection error: the process is gone and that write was never acknowledged.
    const roleWriter = async () => {
      while (!killed) {
        const userId = randomUUID();
        const roles = Math.random() < 0.5 ? ["supporter"] : ["facilitator", "supporter"];
        const response = await call("ada", "PUT", `/api/admin/roles/${userId}`, { roles }).catch(() => undefined);
        if (!response) return;
        if (response.status === 200) roleWrites.set(userId, roles);
        else unexpected.push(`role write ${response.status}`);
        killWhenDue();
      }
    };
    const requestWorker = async (worker: number) => {
      for (let round = 0; !killed; round++) {
        const requester = (worker + round) % 2 === 0 ? "mia" : "max";
        const activity = requestSubmission({
          user: requester,
          serviceUrl: connector!.url,
          id: `submit-${worker}-${round}`,
          text: REQUEST_TEXT,
        });
        const submitted = await postActivity(first.url, activity).catch(() => undefined);
        if (!submitted) {
          submissionsCutOff++;
          return;
        }
        const code = REFERENCE_CODE.exec(submitted.body)?.[0];
        if (submitted.status !== 200 || !code || !submitted.body.includes("Your request is saved")) {
          unexpected.push(`submission ${submitted.status}`);
          continue;
        }
        const record: RequestRecord = { code, requester, acknowledged: [] };
        requests.push(record);
        for (const { action, by } of SCRIPTS[(worker + round) % SCRIPTS.length]!) {
          if (killed) break;
          record.inFlight = action;
          const response = await call(by === "sam" ? "sam" : requester, "POST", `/api/requests/${code}/actions`, { action }).catch(
            () => undefined,
          );
          if (!response) return;
          delete record.inFlight;
          if (response.status === 200) record.acknowledged.push(action);
          else unexpected.push(`${action} ${response.status}`);
          killWhenDue();
        }
      }
    };
    // One writer for the one preferences document, so the last acknowledged value is well defined.
    const preferenceWriter = async () => {
      for (let index = 0; !killed; index++) {
        const write = { timeZone: ZONES[index % ZONES.length]!, acknowledged: false };
        preferences.push(write);
        const response = await call("mia", "PUT", "/api/me/preferences", { timeZone: write.timeZone }).catch(() => undefined);
        if (!response) return;
        if (response.status === 200) write.acknowledged = true;
        else unexpected.push(`preferences ${response.status}`);
        killWhenDue();
      }
    };
    await Promise.all([
      ...Array.from({ length: ROLE_WRITERS }, roleWriter),
      ...Array.from({ length: REQUEST_WORKERS }, (_, worker) => requestWorker(worker)),
      preferenceWriter(),
    ]);
    expect((await first.exited).signal).toBe("SIGKILL");
    expect(unexpected).toEqual([]);
    expect(roleWrites.size).toBeGreaterThanOrEqual(TARGET.roles);

    const second = await spawnServer(environment);
    running.push(second);
    const check = caller(second, await tokensFor(second));

    // Role assignments: every acknowledged one, exactly as written.
    const { assignments } = (await (await check("ada", "GET", "/api/admin/roles")).json()) as {
      assignments: { userId: string; roles: string[] }[];
    };
    const stored = new Map(assignments.map((assignment) => [assignment.userId, assignment.roles]));
    const missingRoles = [...roleWrites].filter(([userId, roles]) => JSON.stringify(stored.get(userId)) !== JSON.stringify(roles));
    expect(missingRoles).toEqual([]);

    // Requests: every acknowledged one once, and at most one more per submission the kill cut off.
    const storedRequests = new Map<string, RequestStatus>();
    for (const requester of ["mia", "max"]) {
      const mine = (await (await check(requester, "GET", "/api/requests/mine")).json()) as {
        requests: { referenceCode: string; status: RequestStatus }[];
      };
      for (const request of mine.requests) storedRequests.set(request.referenceCode, request.status);
    }
    const lostRequests = requests.filter((request) => !storedRequests.has(request.code)).map((request) => request.code);
    expect(lostRequests).toEqual([]);
    const unacknowledgedStored = storedRequests.size - requests.length;
    expect(unacknowledgedStored).toBeGreaterThanOrEqual(0);
    expect(unacknowledgedStored).toBeLessThanOrEqual(submissionsCutOff);

    // Status is where the last acknowledged step left it (or the step cut off, if that landed), and the
    // audit trail has each acknowledged step exactly once. Entries are compared as a set of counts:
    // two steps in the same millisecond have no defined order in the trail.
    const inconsistent: string[] = [];
    let cutOffStepWithoutEntry = 0;
    const counts = (actions: string[]) => JSON.stringify([...actions].sort());
    for (const request of requests) {
      const acknowledgedStatus = request.acknowledged.length > 0 ? STATUS_AFTER[request.acknowledged.at(-1)!] : "open";
      const allowed = [acknowledgedStatus, ...(request.inFlight ? [STATUS_AFTER[request.inFlight]] : [])];
      const status = storedRequests.get(request.code)!;
      if (!allowed.includes(status)) inconsistent.push(`${request.code}: status ${status}, expected ${allowed.join(" or ")}`);
      const detail = (await (await check(request.requester, "GET", `/api/requests/${request.code}`)).json()) as {
        audit: { action: string }[];
      };
      const trail = detail.audit.map((entry) => entry.action).filter((action) => action !== "view");
      const expected = ["created", ...request.acknowledged];
      const withCutOff = [...expected, ...(request.inFlight ? [request.inFlight] : [])];
      if (counts(trail) !== counts(expected) && counts(trail) !== counts(withCutOff)) {
        inconsistent.push(`${request.code}: trail ${trail.join(",")}, expected ${expected.join(",")}`);
      }
      // The status write and its audit entry are two writes; a kill between them leaves this.
      if (request.inFlight && status === STATUS_AFTER[request.inFlight] && counts(trail) === counts(expected)) cutOffStepWithoutEntry++;
    }
    expect(inconsistent).toEqual([]);

    // Preferences: the last acknowledged value, or the one write the kill cut off.
    const lastAcknowledged = preferences.map((write) => write.acknowledged).lastIndexOf(true);
    const { timeZone } = (await (await check("mia", "GET", "/api/me/preferences")).json()) as { timeZone: string };
    expect(preferences.slice(lastAcknowledged).map((write) => write.timeZone)).toContain(timeZone);

    console.log(
      `crash: acknowledged before kill -9: ${roleWrites.size} role writes, ${requests.length} requests with ` +
        `${requestSteps() - requests.length} status changes, ${preferences.filter((write) => write.acknowledged).length} preference writes; ` +
        `lost 0; stored but never acknowledged: ${unacknowledgedStored} request(s) of ${submissionsCutOff} cut off; ` +
        `cut-off status changes that landed without their audit entry: ${cutOffStepWithoutEntry}`,
    );
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  }, 60_000);
});
