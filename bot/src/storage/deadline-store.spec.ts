import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isAppError } from "../../../shared/index.js";
import { DeadlineStore, type StoreOperation } from "./deadline-store.js";
import type { DocumentStore, StoredDocument } from "./document-store.js";
import { ConflictError, StoreTimeoutError, StoreUnavailableError, isStoreOutage } from "./store-errors.js";

const DEADLINE_MS = 500;

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A store whose every call waits until the test settles it. */
function heldStore() {
  const calls: Deferred<unknown>[] = [];
  // Whatever the test settles a call with is what the store answers; the types are the test's word.
  function hold<T>(): Promise<T> {
    const call = deferred<unknown>();
    calls.push(call);
    return call.promise.then((value) => value as T);
  }
  const store: DocumentStore = {
    kind: "cosmos",
    get: () => hold(),
    create: () => hold(),
    replace: () => hold(),
    delete: () => hold(),
    query: () => hold(),
    changesSince: () => hold(),
    ping: () => hold(),
    close: () => hold(),
  };
  return { store, calls };
}

/** Lets pending promise callbacks and Node's unhandled-rejection check run (a real macrotask). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  unhandled.length = 0;
  process.on("unhandledRejection", recordUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", recordUnhandled);
  vi.useRealTimers();
});

describe("DeadlineStore", () => {
  it("passes answers and refusals through unchanged when the store answers in time", async () => {
    const { store, calls } = heldStore();
    const timed = new DeadlineStore(store, DEADLINE_MS);
    expect(timed.kind).toBe("cosmos");

    const read = timed.get("settings", "t", "a");
    const document: StoredDocument = { id: "a", value: { n: 1 }, etag: "e1" };
    vi.advanceTimersByTime(DEADLINE_MS - 1);
    calls[0]!.resolve(document);
    await expect(read).resolves.toBe(document);

    const conflict = new ConflictError("etag");
    const write = timed.replace("settings", "t", "a", { n: 2 }, { ifMatch: "old" });
    calls[1]!.reject(conflict);
    await expect(write).rejects.toBe(conflict);
    // The timer went with the answer: nothing fires later.
    vi.advanceTimersByTime(DEADLINE_MS * 4);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("gives up at the deadline with a store_timeout the HTTP layer turns into 503", async () => {
    const { store } = heldStore();
    const timed = new DeadlineStore(store, DEADLINE_MS);
    const outcomes: string[] = [];
    const operations: [StoreOperation, Promise<unknown>][] = [
      ["get", timed.get("settings", "t", "a")],
      ["create", timed.create("settings", "t", "a", { n: 1 })],
      ["replace", timed.replace("settings", "t", "a", { n: 1 }, { ifMatch: "e" })],
      ["delete", timed.delete("settings", "t", "a")],
      ["query", timed.query("settings", "t")],
      ["ping", timed.ping()],
    ];
    for (const [, pending] of operations) pending.catch((error: unknown) => outcomes.push((error as Error).name));

    vi.advanceTimersByTime(DEADLINE_MS - 1);
    await settle();
    expect(outcomes).toEqual([]);

    vi.advanceTimersByTime(1);
    for (const [operation, pending] of operations) {
      const error = await pending.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreTimeoutError);
      expect(error).toMatchObject({ code: "store_timeout", operation });
      expect(isAppError(error) && error.userMessage).toMatch(/taking too long/);
      expect(isStoreOutage(error)).toBe(true);
    }
  });

  it("swallows a late failure of a call it gave up on, and reports it without a crash", async () => {
    const { store, calls } = heldStore();
    const late: [StoreOperation, string][] = [];
    const timed = new DeadlineStore(store, DEADLINE_MS, (operation, outcome) => late.push([operation, outcome]));
    const write = timed.create("requests", "t", "r", { n: 1 });
    const read = timed.get("requests", "t", "r");
    vi.advanceTimersByTime(DEADLINE_MS);
    await expect(write).rejects.toBeInstanceOf(StoreTimeoutError);
    await expect(read).rejects.toBeInstanceOf(StoreTimeoutError);

    calls[0]!.reject(new StoreUnavailableError(new Error("connection reset")));
    calls[1]!.resolve(undefined);
    await settle();
    await settle();
    expect(unhandled).toEqual([]);
    expect(late).toEqual([
      ["create", "failed"],
      ["get", "succeeded"],
    ]);
  });

  it("survives a late-outcome listener that throws", async () => {
    const { store, calls } = heldStore();
    const timed = new DeadlineStore(store, DEADLINE_MS, () => {
      throw new Error("listener broke");
    });
    const write = timed.delete("requests", "t", "r");
    vi.advanceTimersByTime(DEADLINE_MS);
    await expect(write).rejects.toBeInstanceOf(StoreTimeoutError);
    calls[0]!.reject(new Error("late"));
    await settle();
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("fails at once, not at the deadline, when the store throws instead of rejecting", async () => {
    const broken = new TypeError("Invalid document id");
    const store: DocumentStore = {
      ...heldStore().store,
      kind: "embedded",
      get: () => {
        throw broken;
      },
    };
    await expect(new DeadlineStore(store, DEADLINE_MS).get("settings", "t", "bad/id")).rejects.toBe(broken);
  });

  it("lets close take as long as the store needs to flush", async () => {
    const { store, calls } = heldStore();
    let closed = false;
    const closing = new DeadlineStore(store, DEADLINE_MS).close().then(() => (closed = true));
    vi.advanceTimersByTime(DEADLINE_MS * 10);
    await settle();
    expect(closed).toBe(false);
    calls[0]!.resolve(undefined);
    await closing;
    expect(closed).toBe(true);
  });

  it("hands reports of unreadable documents to its listener, or else to the store beneath", async () => {
    const report = { container: "settings" as const, kind: "note", documentId: "note-1", issues: ["title: invalid_type"] };
    const heard: unknown[] = [];
    new DeadlineStore(heldStore().store, DEADLINE_MS, undefined, (seen) => heard.push(["listener", seen])).reportInvalid(report);
    const inner: DocumentStore = { ...heldStore().store, reportInvalid: (seen) => heard.push(["inner", seen]) };
    new DeadlineStore(inner, DEADLINE_MS).reportInvalid(report);
    expect(heard).toEqual([
      ["listener", report],
      ["inner", report],
    ]);
  });
});
