import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InvalidContinuationError, queryPage } from "../../bot/src/storage/document-pages.js";
import type { DocumentStore, JsonObject } from "../../bot/src/storage/document-store.js";
import { ConflictError } from "../../bot/src/storage/store-errors.js";

/**
 * One behavioural contract for every `DocumentStore` adapter, in the spirit of botbuilder's
 * `storageBaseTests`: the same cases run against the embedded store and against Cosmos DB.
 */
export function runDocumentStoreContract(adapterName: string, getStore: () => DocumentStore): void {
  const tenant = () => `tenant-${randomUUID()}`;

  async function expectConflict(promise: Promise<unknown>, reason: ConflictError["reason"]): Promise<void> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).reason).toBe(reason);
  }

  describe(`DocumentStore contract: ${adapterName}`, () => {
    it("returns undefined for a document that does not exist", async () => {
      expect(await getStore().get("settings", tenant(), "nothing-here")).toBeUndefined();
    });

    it("creates a document and reads back the same value with an etag", async () => {
      const tenantId = tenant();
      const created = await getStore().create("settings", tenantId, "doc-1", { name: "Morning huddle", count: 3, nested: { ok: true } });
      const read = await getStore().get("settings", tenantId, "doc-1");
      expect(read?.value).toEqual({ name: "Morning huddle", count: 3, nested: { ok: true } });
      expect(read?.etag).toBe(created.etag);
      expect(created.etag.length).toBeGreaterThan(0);
    });

    it("refuses to create a document whose id already exists", async () => {
      const tenantId = tenant();
      await getStore().create("settings", tenantId, "doc-1", { version: 1 });
      await expectConflict(getStore().create("settings", tenantId, "doc-1", { version: 2 }), "exists");
      expect((await getStore().get("settings", tenantId, "doc-1"))?.value).toEqual({ version: 1 });
    });

    it("lets exactly one of many concurrent creates of the same id win", async () => {
      const tenantId = tenant();
      const attempts = Array.from({ length: 12 }, (_, writer) => getStore().create("requests", tenantId, "race", { writer }));
      const results = await Promise.allSettled(attempts);
      const winners = results.filter((result) => result.status === "fulfilled");
      expect(winners).toHaveLength(1);
      for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ConflictError);
      const stored = await getStore().get<{ writer: number }>("requests", tenantId, "race");
      expect(stored?.value.writer).toBe((winners[0] as PromiseFulfilledResult<{ value: { writer: number } }>).value.value.writer);
    });

    it("replaces with the current etag and issues a new etag", async () => {
      const tenantId = tenant();
      const created = await getStore().create("settings", tenantId, "doc", { step: 1 });
      const replaced = await getStore().replace("settings", tenantId, "doc", { step: 2 }, { ifMatch: created.etag });
      expect(replaced.etag).not.toBe(created.etag);
      expect((await getStore().get("settings", tenantId, "doc"))?.value).toEqual({ step: 2 });
    });

    it("refuses a replace with a stale etag and keeps the newer value", async () => {
      const tenantId = tenant();
      const created = await getStore().create("settings", tenantId, "doc", { step: 1 });
      await getStore().replace("settings", tenantId, "doc", { step: 2 }, { ifMatch: created.etag });
      await expectConflict(getStore().replace("settings", tenantId, "doc", { step: 3 }, { ifMatch: created.etag }), "etag");
      expect((await getStore().get("settings", tenantId, "doc"))?.value).toEqual({ step: 2 });
    });

    it("refuses to replace a document that does not exist", async () => {
      await expectConflict(getStore().replace("settings", tenant(), "ghost", { step: 1 }, { ifMatch: "whatever" }), "missing");
    });

    it("lets exactly one of many concurrent conflicting replaces win", async () => {
      const tenantId = tenant();
      const created = await getStore().create("huddles", tenantId, "session", { step: 0 });
      const attempts = Array.from({ length: 12 }, (_, writer) =>
        getStore().replace("huddles", tenantId, "session", { step: 1, writer }, { ifMatch: created.etag }),
      );
      const results = await Promise.allSettled(attempts);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const losers = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(losers).toHaveLength(11);
      for (const loser of losers) expect((loser.reason as ConflictError).reason).toBe("etag");
    });

    it("deletes a document, after which it is gone", async () => {
      const tenantId = tenant();
      await getStore().create("settings", tenantId, "doc", { a: 1 });
      expect(await getStore().delete("settings", tenantId, "doc")).toBe(true);
      expect(await getStore().get("settings", tenantId, "doc")).toBeUndefined();
      expect(await getStore().query("settings", tenantId)).toEqual([]);
    });

    it("reports false when deleting a document that does not exist", async () => {
      expect(await getStore().delete("settings", tenant(), "ghost")).toBe(false);
    });

    it("refuses a conditional delete with a stale etag", async () => {
      const tenantId = tenant();
      const created = await getStore().create("settings", tenantId, "doc", { a: 1 });
      await getStore().replace("settings", tenantId, "doc", { a: 2 }, { ifMatch: created.etag });
      await expectConflict(getStore().delete("settings", tenantId, "doc", { ifMatch: created.etag }), "etag");
      expect(await getStore().get("settings", tenantId, "doc")).toBeDefined();
    });

    it("keeps tenants apart even when they use the same id", async () => {
      const tenantA = tenant();
      const tenantB = tenant();
      await getStore().create("requests", tenantA, "same-id", { owner: "A" });
      await getStore().create("requests", tenantB, "same-id", { owner: "B" });
      expect((await getStore().get("requests", tenantA, "same-id"))?.value).toEqual({ owner: "A" });
      expect((await getStore().query("requests", tenantB)).map((doc) => doc.value)).toEqual([{ owner: "B" }]);
      await getStore().delete("requests", tenantA, "same-id");
      expect((await getStore().get("requests", tenantB, "same-id"))?.value).toEqual({ owner: "B" });
    });

    it("keeps containers apart", async () => {
      const tenantId = tenant();
      await getStore().create("requests", tenantId, "doc", { in: "requests" });
      expect(await getStore().get("huddles", tenantId, "doc")).toBeUndefined();
      await getStore().create("huddles", tenantId, "doc", { in: "huddles" });
      expect((await getStore().get("requests", tenantId, "doc"))?.value).toEqual({ in: "requests" });
    });

    it("stores unicode text and ids exactly", async () => {
      const tenantId = tenant();
      const text = "Ça va? 🙂 مرحبا — 日本語 — e\u0301 — \u{1F3F3}\u{FE0F}\u{200D}\u{1F308} — \"quotes\" 'and' \\slashes";
      await getStore().create("requests", tenantId, "ünïcødé-✓", { text });
      expect((await getStore().get<{ text: string }>("requests", tenantId, "ünïcødé-✓"))?.value.text).toBe(text);
    });

    it("stores a large (over 100 KB) document intact", async () => {
      const tenantId = tenant();
      const large: JsonObject = { items: Array.from({ length: 1500 }, (_, index) => ({ index, note: `entry ${index} `.repeat(6) })) };
      expect(JSON.stringify(large).length).toBeGreaterThan(100 * 1024);
      await getStore().create("circles", tenantId, "large", large);
      expect((await getStore().get("circles", tenantId, "large"))?.value).toEqual(large);
    });

    it("queries by parameters within a tenant, ordered by id", async () => {
      const tenantId = tenant();
      const other = tenant();
      await getStore().create("requests", tenantId, "b", { status: "open", urgency: "today" });
      await getStore().create("requests", tenantId, "a", { status: "open", urgency: "soon" });
      await getStore().create("requests", tenantId, "c", { status: "claimed", urgency: "today" });
      await getStore().create("requests", other, "d", { status: "open", urgency: "today" });
      const open = await getStore().query("requests", tenantId, { where: { status: "open" } });
      expect(open.map((doc) => doc.id)).toEqual(["a", "b"]);
      const openToday = await getStore().query("requests", tenantId, { where: { status: "open", urgency: "today" } });
      expect(openToday.map((doc) => doc.id)).toEqual(["b"]);
      expect(openToday[0]?.etag).toBeTruthy();
    });

    it("treats query values as data, never as query text", async () => {
      const tenantId = tenant();
      await getStore().create("requests", tenantId, "a", { status: "open" });
      const injected = await getStore().query("requests", tenantId, { where: { status: "x' OR 1=1 OR c.doc.status = 'open" } });
      expect(injected).toEqual([]);
      await expect(getStore().query("requests", tenantId, { where: { "status = 'open' OR 1": "1" } })).rejects.toThrow(TypeError);
    });

    it("honours a query limit", async () => {
      const tenantId = tenant();
      for (const id of ["a", "b", "c", "d"]) await getStore().create("audit", tenantId, id, { kind: "view" });
      expect((await getStore().query("audit", tenantId, { where: { kind: "view" }, limit: 2 })).map((doc) => doc.id)).toEqual(["a", "b"]);
    });

    it("continues after a given id, so a list can be read page by page", async () => {
      const tenantId = tenant();
      for (const id of ["PC-A", "PC-B", "PC-C", "PC-D", "PC-E"])
        await getStore().create("requests", tenantId, id, { kind: "r", even: id < "PC-C" });
      const ids = async (query: Parameters<DocumentStore["query"]>[2]) =>
        (await getStore().query("requests", tenantId, query)).map((doc) => doc.id);
      expect(await ids({ where: { kind: "r" }, limit: 2 })).toEqual(["PC-A", "PC-B"]);
      expect(await ids({ where: { kind: "r" }, limit: 2, after: "PC-B" })).toEqual(["PC-C", "PC-D"]);
      expect(await ids({ where: { kind: "r" }, limit: 2, after: "PC-D" })).toEqual(["PC-E"]);
      expect(await ids({ where: { kind: "r", even: false }, after: "PC-A" })).toEqual(["PC-C", "PC-D", "PC-E"]);
      // The cursor need not exist any more: a deleted document does not break the next page.
      await getStore().delete("requests", tenantId, "PC-C");
      expect(await ids({ where: { kind: "r" }, after: "PC-C" })).toEqual(["PC-D", "PC-E"]);
      expect(await ids({ after: "PC-E" })).toEqual([]);
      await expect(getStore().query("requests", tenantId, { after: "a/b" })).rejects.toThrow(TypeError);
    });

    it("pages through several filters in order with a bounded read each, every document exactly once", async () => {
      const tenantId = tenant();
      for (let index = 0; index < 7; index++) {
        await getStore().create("requests", tenantId, `later-${index}`, { urgency: "soon" });
        await getStore().create("requests", tenantId, `zz-first-${index}`, { urgency: "crisis" });
      }
      const filters = [{ urgency: "crisis" }, { urgency: "soon" }];
      const pages: string[][] = [];
      let continuation: string | undefined;
      do {
        const page = await queryPage(getStore(), "requests", tenantId, { filters, limit: 3, ...(continuation ? { continuation } : {}) });
        expect(page.documents.length).toBeLessThanOrEqual(3);
        pages.push(page.documents.map((doc) => doc.id));
        continuation = page.continuation;
      } while (continuation);
      const all = pages.flat();
      expect(all).toHaveLength(14);
      expect(new Set(all).size).toBe(14);
      // The first filter's documents come first even though their ids sort last.
      expect(all.slice(0, 7).every((id) => id.startsWith("zz-first"))).toBe(true);
      await expect(queryPage(getStore(), "requests", tenantId, { filters, limit: 3, continuation: "forged" })).rejects.toThrow(
        InvalidContinuationError,
      );
    });

    it("records a per-document time-to-live and keeps documents without one", async () => {
      const tenantId = tenant();
      const expiring = await getStore().create("requests", tenantId, "closed", { status: "resolved" }, { ttlSeconds: 3600 });
      expect(expiring.ttlSeconds).toBeGreaterThan(3500);
      expect((await getStore().get("requests", tenantId, "closed"))?.ttlSeconds).toBeGreaterThan(3500);
      const lasting = await getStore().create("requests", tenantId, "open", { status: "open" });
      expect(lasting.ttlSeconds).toBeUndefined();
    });

    it("refuses ids that Cosmos DB cannot hold", async () => {
      await expect(getStore().get("settings", tenant(), "a/b")).rejects.toThrow(TypeError);
      await expect(getStore().create("settings", tenant(), "", { a: 1 })).rejects.toThrow(TypeError);
    });

    it("reports documents of one kind written since a cursor, across tenants, as keys and versions only", async () => {
      const kind = `kind-${randomUUID()}`;
      const start = await getStore().changesSince("huddles", kind);
      expect(start).toMatchObject({ changes: [], complete: true });
      const [first, second] = [tenant(), tenant()];
      const a = await getStore().create("huddles", first, "doc-a", { kind, secret: "never in a change" });
      const b = await getStore().create("huddles", second, "doc-b", { kind });
      await getStore().create("huddles", first, "doc-other", { kind: `${kind}-other` });
      await getStore().create("settings", first, "doc-elsewhere", { kind });
      const page = await getStore().changesSince("huddles", kind, start.cursor);
      expect(page.complete).toBe(true);
      expect(page.changes).toEqual(
        expect.arrayContaining([
          { tenantId: first, id: "doc-a", etag: a.etag },
          { tenantId: second, id: "doc-b", etag: b.etag },
        ]),
      );
      expect(page.changes).toHaveLength(2);
      expect(JSON.stringify(page)).not.toContain("never in a change");
    });

    it("reports a replaced document again with its new version, and nothing once all is answered", async () => {
      const kind = `kind-${randomUUID()}`;
      const tenantId = tenant();
      const start = await getStore().changesSince("huddles", kind);
      const a = await getStore().create("huddles", tenantId, "doc-a", { kind, step: 1 });
      await getStore().create("huddles", tenantId, "doc-b", { kind, step: 1 });
      const first = await getStore().changesSince("huddles", kind, start.cursor);
      expect(first.changes).toHaveLength(2);
      const quiet = await getStore().changesSince("huddles", kind, first.cursor);
      expect(quiet).toMatchObject({ changes: [], complete: true });
      const replaced = await getStore().replace("huddles", tenantId, "doc-a", { kind, step: 2 }, { ifMatch: a.etag });
      const next = await getStore().changesSince("huddles", kind, quiet.cursor);
      expect(next.changes).toEqual([{ tenantId, id: "doc-a", etag: replaced.etag }]);
      expect((await getStore().changesSince("huddles", kind, next.cursor)).changes).toEqual([]);
    });

    it("says when it cannot vouch for a cursor, so the caller reads everything again", async () => {
      const page = await getStore().changesSince("huddles", "any", "not a cursor it gave");
      expect(page.complete).toBe(false);
      expect((await getStore().changesSince("huddles", "any", page.cursor)).complete).toBe(true);
    });

    it("answers a ping when reachable", async () => {
      await expect(getStore().ping()).resolves.toBeUndefined();
    });
  });
}
