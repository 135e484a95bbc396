import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "../../shared/index.js";
import { createLogger } from "../../bot/src/logger.js";
import { helpRequests } from "../../bot/src/requests/request-documents.js";
import { collection } from "../../bot/src/storage/collection.js";
import { DeadlineStore } from "../../bot/src/storage/deadline-store.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { InvalidDocumentError, logInvalidDocuments } from "../../bot/src/storage/invalid-document.js";

const WORDS = "words in a damaged document that must never reach a log";

const noteSchema = z.looseObject({ kind: z.literal("note"), title: z.string(), count: z.number().int() });
type Note = z.output<typeof noteSchema>;

/**
 * Typed collections over each adapter: documents written straight through the raw port, in shapes
 * their kind does not allow, must come back as a typed, logged error (or be skipped and logged in
 * a list), never as a crash or as unchecked data.
 */
export function runTypedCollectionContract(adapterName: string, getRawStore: () => DocumentStore): void {
  describe(`typed collections: ${adapterName}`, () => {
    let directory: string;
    let logFile: string;
    let store: DocumentStore;
    const tenant = () => `tenant-${randomUUID()}`;
    const logLines = () =>
      readFileSync(logFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);

    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), "typed-collection-"));
      logFile = join(directory, "server.log");
      // Wired as the server wires it: the deadline store hands reports to the logger's listener.
      store = new DeadlineStore(getRawStore(), 5_000, undefined, logInvalidDocuments(createLogger("debug", logFile)));
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it("reads back what it wrote, parsed", async () => {
      const tenantId = tenant();
      const notes = collection<Note>(store, "settings", "note", noteSchema);
      await notes.create(tenantId, "note-1", { kind: "note", title: "Morning huddle", count: 3 });
      expect((await notes.get(tenantId, "note-1"))?.value).toEqual({ kind: "note", title: "Morning huddle", count: 3 });
    });

    it("turns a help request of the wrong shape into InvalidDocumentError with a code, a message and a log line", async () => {
      const tenantId = tenant();
      const id = `PC-${randomUUID().slice(0, 6).toUpperCase()}`;
      // A whole request but for two fields, as a hand edit in the portal or an older version might leave it.
      await getRawStore().create("requests", tenantId, id, {
        kind: "helpRequest",
        referenceCode: id,
        requesterId: "requester",
        category: "workload",
        urgency: "soon",
        preference: "any",
        contact: "chat",
        text: WORDS,
        anonymous: true,
        crisis: "yes",
        riskReasons: [],
        status: "lost",
        createdAt: "2026-12-01T09:00:00.000Z",
        updatedAt: "2026-12-01T09:00:00.000Z",
      });
      const error = await helpRequests(store)
        .get(tenantId, id)
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(InvalidDocumentError);
      expect(isAppError(error) && error.code).toBe("internal");
      expect((error as InvalidDocumentError).userMessage).toMatch(/could not be read/);
      expect((error as InvalidDocumentError).report).toMatchObject({ container: "requests", kind: "helpRequest", documentId: id });
      expect((error as InvalidDocumentError).report.issues).toEqual(["crisis: invalid_type", "status: invalid_value"]);
      const line = logLines().find((entry) => entry.documentId === id);
      expect(line).toMatchObject({ level: 50, event: "store.invalid_document", container: "requests", kind: "helpRequest" });
      expect(readFileSync(logFile, "utf8")).not.toContain(WORDS);
    });

    it("skips and logs a damaged document in a list, or fails the list when asked to be strict", async () => {
      const tenantId = tenant();
      const notes = collection<Note>(store, "settings", "note", noteSchema);
      await notes.create(tenantId, "note-a", { kind: "note", title: "first", count: 1 });
      await getRawStore().create("settings", tenantId, "note-b", { kind: "note", title: WORDS, count: "two" });
      await notes.create(tenantId, "note-c", { kind: "note", title: "third", count: 3 });
      expect((await notes.query(tenantId)).map((document) => document.id)).toEqual(["note-a", "note-c"]);
      expect(logLines().filter((entry) => entry.documentId === "note-b" && entry.kind === "note")).toHaveLength(1);
      await expect(notes.query(tenantId, {}, { invalid: "throw" })).rejects.toBeInstanceOf(InvalidDocumentError);
      // Paging goes on past the damaged document rather than stopping at it.
      const pages = [];
      for await (const page of notes.pages(tenantId, { filters: [{}], limit: 1 })) pages.push(page.map((document) => document.id));
      expect(pages).toEqual([["note-a"], ["note-c"]]);
    });

    it("answers undefined for another kind's document under the id, and refuses a document without a kind", async () => {
      const tenantId = tenant();
      const notes = collection<Note>(store, "settings", "note", noteSchema);
      await getRawStore().create("settings", tenantId, "other", { kind: "supporter", userId: "u" });
      await getRawStore().create("settings", tenantId, "kindless", { title: "no kind", count: 1 });
      expect(await notes.get(tenantId, "other")).toBeUndefined();
      await expect(notes.get(tenantId, "kindless")).rejects.toBeInstanceOf(InvalidDocumentError);
    });

    it("refuses to write a document its own readers could not read", async () => {
      const tenantId = tenant();
      const notes = collection<Note>(store, "settings", "note", noteSchema);
      const bad = JSON.parse('{"kind":"note","title":"ok","count":1.5}') as Note;
      await expect(notes.create(tenantId, "note-x", bad)).rejects.toBeInstanceOf(InvalidDocumentError);
      expect(await getRawStore().get("settings", tenantId, "note-x")).toBeUndefined();
    });

    it("reads and queries an earlier spelling of a kind as the current one, and writes the current one", async () => {
      const tenantId = tenant();
      const notes = collection<Note>(store, "settings", "note", noteSchema, { legacyKinds: ["old-note"] });
      await getRawStore().create("settings", tenantId, "note-old", { kind: "old-note", title: "from before", count: 1 });
      await notes.create(tenantId, "note-new", { kind: "note", title: "from now", count: 2 });
      expect((await notes.query(tenantId)).map(({ id, value }) => [id, value.kind])).toEqual([
        ["note-new", "note"],
        ["note-old", "note"],
      ]);
      const old = (await notes.get(tenantId, "note-old"))!;
      await notes.replace(tenantId, "note-old", { ...old.value, count: 5 }, { ifMatch: old.etag });
      expect((await getRawStore().get("settings", tenantId, "note-old"))?.value).toEqual({ kind: "note", title: "from before", count: 5 });
    });
  });
}
