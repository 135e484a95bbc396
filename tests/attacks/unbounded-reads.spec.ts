import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import type { RiskAssessment } from "../../shared/index.js";
import { samplePerson, startRequestScenario, type RequestScenario } from "../support/request-scenario.js";

/**
 * Issue #13, point 7: the queue and "my requests" read every matching request on each call, so
 * one busy tenant (or one person with a long history) makes every load slower and larger. Each
 * call must read a bounded number of documents and hand out the rest page by page, and the bound
 * must never push a crisis out of the supporters' first page.
 */
const MIA_REQUESTS = 130;
const MAX_REQUESTS = 130;
const CRISIS_REQUESTS = 5;
/** Far more than a page, far less than everything: what one call may read from the store. */
const READ_BOUND = 250;

let scenario: RequestScenario;
let recording = false;
let documentsRead = 0;

function countingStore(inner: DocumentStore): DocumentStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const result = (await (value as (...inner: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
        if (recording && property === "get" && result) documentsRead++;
        if (recording && Array.isArray(result)) documentsRead += result.length;
        if (recording && result && typeof result === "object" && Array.isArray((result as { documents?: unknown }).documents))
          documentsRead += (result as { documents: unknown[] }).documents.length;
        return result;
      };
    },
  });
}

/** Reference codes from the given bytes, so crisis requests can be made to sort after all the others. */
function codesFrom(first: number): (size: number) => Uint8Array {
  let next = first;
  return () => {
    next++;
    return Uint8Array.from([Math.floor(next / 31 ** 2) % 31, Math.floor(next / 31) % 31, next % 31, 0, 0, 0]);
  };
}

async function read(key: string, path: string) {
  documentsRead = 0;
  recording = true;
  const answer = await scenario.call(key, "GET", path);
  recording = false;
  return { ...answer, documentsRead };
}

/** Follows continuations to the end, checking each page's read on the way. */
async function everyPage(key: string, path: string) {
  const pages: { referenceCode: string; urgency: string }[][] = [];
  let continuation: string | undefined;
  do {
    const page = await read(key, continuation ? `${path}?continuation=${encodeURIComponent(continuation)}` : path);
    expect(page.status, page.text).toBe(200);
    expect(page.documentsRead, `${path}: documents read for one page`).toBeLessThanOrEqual(READ_BOUND);
    const body = page.json as { requests: { referenceCode: string; urgency: string }[]; continuation?: string };
    pages.push(body.requests);
    continuation = body.continuation;
    expect(pages.length).toBeLessThan(20);
  } while (continuation);
  return pages;
}

beforeAll(async () => {
  scenario = await startRequestScenario(countingStore);
  const form = { category: "other", urgency: "soon", preference: "any", contact: "chat", shareName: false } as const;
  const calm: RiskAssessment = { level: "none", reasons: [] };
  const mia = new RequestService(scenario.server.store, undefined, codesFrom(0));
  for (let index = 0; index < MIA_REQUESTS; index++)
    await mia.submit({ tenantId: DEV_TENANT_ID, userId: samplePerson("mia").userId }, form, calm);
  const max = new RequestService(scenario.server.store, undefined, codesFrom(1000));
  for (let index = 0; index < MAX_REQUESTS - CRISIS_REQUESTS; index++)
    await max.submit({ tenantId: DEV_TENANT_ID, userId: samplePerson("max").userId }, { ...form, urgency: "can_wait" }, calm);
  // Their codes start with "ZZ", after every other request in id order.
  const lastInOrder = new RequestService(scenario.server.store, undefined, codesFrom(31 ** 3 - CRISIS_REQUESTS - 1));
  for (let index = 0; index < CRISIS_REQUESTS; index++)
    await lastInOrder.submit({ tenantId: DEV_TENANT_ID, userId: samplePerson("max").userId }, form, {
      level: "crisis",
      reasons: ["test"],
    });
});
afterAll(async () => scenario?.stop());

describe("bounded reads of requests", () => {
  it("gives a person their requests page by page, each read bounded, all of them exactly once", async () => {
    const pages = await everyPage("mia", "/api/requests/mine");
    expect(pages.length).toBeGreaterThan(1);
    const codes = pages.flat().map((request) => request.referenceCode);
    expect(codes).toHaveLength(MIA_REQUESTS);
    expect(new Set(codes).size).toBe(MIA_REQUESTS);
  });

  it("gives supporters the queue page by page, every crisis on the first page, most urgent first throughout", async () => {
    const pages = await everyPage("sam", "/api/requests/queue");
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.filter((request) => request.urgency === "crisis")).toHaveLength(CRISIS_REQUESTS);
    const all = pages.flat();
    expect(new Set(all.map((request) => request.referenceCode)).size).toBe(MIA_REQUESTS + MAX_REQUESTS);
    const rank = { crisis: 0, today: 1, soon: 2, can_wait: 3 } as Record<string, number>;
    const ranks = all.map((request) => rank[request.urgency]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("refuses a continuation it did not issue", async () => {
    for (const path of ["/api/requests/mine", "/api/requests/queue"]) {
      const forged = await scenario.call("sam", "GET", `${path}?continuation=${encodeURIComponent("not a token")}`);
      expect(forged.status, path).toBe(400);
    }
  });

  it("still exports every one of a person's requests", async () => {
    const exported = (await scenario.call("mia", "GET", "/api/me/data")).json as { requests: unknown[] };
    expect(exported.requests).toHaveLength(MIA_REQUESTS);
  });
});
