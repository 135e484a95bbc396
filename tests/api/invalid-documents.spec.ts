import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { devToken } from "../support/in-process-server.js";
import { startLoggedServer, type LoggedServer } from "../support/logged-server.js";

/**
 * A stored document of the wrong shape (a bad migration, a hand edit in the Cosmos portal) reaches
 * a person as a clean error, never a 500 with a stack; a list leaves it out and goes on; both are
 * logged with the document's id and kind and none of its words.
 */

let server: LoggedServer;
const tokens: Record<string, string> = {};
const userId = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const DAMAGED_WORDS = "a damaged request whose words stay out of the log";
let damaged = "";
let intact = "";

async function call(user: string, path: string) {
  return fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${tokens[user]}` } });
}

beforeAll(async () => {
  server = await startLoggedServer({ AUTH_MODE: "dev" });
  for (const user of ["mia", "sam"]) tokens[user] = await devToken(server, user);
  const requests = new RequestService(server.store);
  const submit = (text: string) =>
    requests.submit(
      { tenantId: DEV_TENANT_ID, userId: userId("mia") },
      { category: "workload", urgency: "soon", preference: "any", contact: "chat", text, shareName: false },
      { level: "none", reasons: [] },
    );
  damaged = (await submit(DAMAGED_WORDS)).referenceCode;
  intact = (await submit("an intact request")).referenceCode;
  // Written straight through the port, past every check: a status no version ever had, a count for a flag.
  const stored = (await server.store.get("requests", DEV_TENANT_ID, damaged))!;
  await server.store.replace("requests", DEV_TENANT_ID, damaged, { ...stored.value, status: "lost", crisis: 1 }, { ifMatch: stored.etag });
});

afterAll(async () => server?.stop());

describe("a stored document of the wrong shape", () => {
  it("answers a read of it with a clean JSON error: a code and a message, no stack", async () => {
    const response = await call("mia", `/api/requests/${damaged}`);
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ code: "internal", message: expect.stringMatching(/could not be read/) });
    expect(text).not.toMatch(/InvalidDocumentError|ZodError|at .*\.ts|node_modules/);
    expect(text).not.toContain(DAMAGED_WORDS);
  });

  it("is left out of a list, which still answers with everything else", async () => {
    const mine = await call("mia", "/api/requests/mine");
    expect(mine.status).toBe(200);
    const codes = ((await mine.json()) as { requests: { referenceCode: string }[] }).requests.map((request) => request.referenceCode);
    expect(codes).toContain(intact);
    expect(codes).not.toContain(damaged);
    const queue = await call("sam", "/api/requests/queue");
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(intact);
  });

  it("is logged as an error with its id, kind and issue codes, and none of its words", async () => {
    const lines = server
      .logText()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === "store.invalid_document");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines)
      expect(line).toMatchObject({
        level: 50,
        container: "requests",
        kind: "helpRequest",
        documentId: damaged,
        issues: ["crisis: invalid_type", "status: invalid_value"],
      });
    expect(server.logText()).not.toContain(DAMAGED_WORDS);
  });
});
