import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID } from "../../bot/src/auth/dev-identity.js";
import { MAX_QUERY_LIMIT, type DocumentQuery, type DocumentStore } from "../../bot/src/storage/document-store.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Issue #13, point 7: a report and an erasure read a tenant's requests and huddles page by page,
 * never in one unbounded query, however many there are.
 */
let server: TestServer;
const queries: { container: string; query?: DocumentQuery }[] = [];

function recording(store: DocumentStore): DocumentStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "query")
        return (container: string, tenantId: string, query?: DocumentQuery) => {
          queries.push({ container, ...(query ? { query } : {}) });
          return target.query(container as never, tenantId, query);
        };
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" }, undefined, recording);
  for (let index = 0; index < 1_200; index++)
    await server.store.create("requests", DEV_TENANT_ID, `bulk-${String(index).padStart(5, "0")}`, {
      kind: "request",
      category: "workload",
      urgency: "today",
      status: "resolved",
      createdAt: new Date().toISOString(),
    });
});
afterAll(async () => server?.stop());

describe("bounded reads", () => {
  it("builds the insights report from bounded pages", async () => {
    queries.length = 0;
    const response = await fetch(`${server.url}/api/insights`, { headers: { Authorization: `Bearer ${await devToken(server, "ada")}` } });
    expect(response.status).toBe(200);
    const requestReads = queries.filter((entry) => entry.container === "requests");
    expect(requestReads.length).toBeGreaterThan(1);
    for (const read of requestReads) expect(read.query?.limit ?? Infinity).toBeLessThanOrEqual(MAX_QUERY_LIMIT);
  });

  it("erases from every huddle page by page", async () => {
    queries.length = 0;
    const erased = await fetch(`${server.url}/api/me/data`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${await devToken(server, "mia")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ confirm: "erase-my-data" }),
    });
    expect(erased.status).toBe(200);
    const huddleReads = queries.filter((entry) => entry.container === "huddles");
    expect(huddleReads.length).toBeGreaterThan(0);
    for (const read of huddleReads) expect(read.query?.limit ?? Infinity).toBeLessThanOrEqual(MAX_QUERY_LIMIT);
  });
});
