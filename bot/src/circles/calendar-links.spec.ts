import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DocumentStore } from "../storage/document-store.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { CALENDAR_LINK_DAYS, CalendarLinks, revokeCalendarLinks } from "./calendar-links.js";

const TENANT_A = "a1a1a1a1-0000-4000-8000-00000000000a";
const TENANT_B = "b2b2b2b2-0000-4000-8000-00000000000b";
const CIRCLE = "circle-6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

let directory: string;
let store: EmbeddedStore;
let now: Date;
/** Every store call, by operation and partition, so a test can say what a lookup touched. */
let calls: string[];

/** The store, recording each call. */
function counted(inner: DocumentStore): DocumentStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(`${String(property)} ${String(args[1])}`);
        return (value as (...rest: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "calendar-links-"));
  store = new EmbeddedStore({ directory });
  now = new Date("2026-03-02T09:00:00Z");
  calls = [];
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("calendar links", () => {
  it("finds a link's grant with two point reads and no query, in the link's tenant only", async () => {
    const token = await new CalendarLinks(store, () => now).mint(TENANT_A, "circle", CIRCLE, "mia");
    // A fresh instance (another server) knows nothing in memory, so both reads are real.
    const links = new CalendarLinks(counted(store), () => now);
    calls = [];
    expect(await links.open(token, "circle")).toEqual({ tenantId: TENANT_A, subject: "circle", subjectId: CIRCLE, userId: "mia" });
    expect(calls).toEqual(["get _system", `get ${TENANT_A}`]);
  });

  it("refuses a link of the other kind, a changed key, another tenant's route and an expired link", async () => {
    const links = new CalendarLinks(store, () => now);
    const token = await links.mint(TENANT_A, "circle", CIRCLE, "mia");
    const other = await links.mint(TENANT_B, "circle", CIRCLE, "mia");
    expect(await links.open(token, "buddy-pairing")).toBeUndefined();
    expect(await links.open(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "circle")).toBeUndefined();
    // B's route in front of A's key looks in B's partition, where that key names nothing.
    expect(await links.open(`${other.slice(0, 22)}${token.slice(22)}`, "circle")).toBeUndefined();
    expect(await links.open(`${token}x`, "circle")).toBeUndefined();
    now = new Date(now.getTime() + (CALENDAR_LINK_DAYS + 1) * 86_400_000);
    expect(await links.open(token, "circle")).toBeUndefined();
  });

  it("keeps one route per tenant, shared by every instance, and different links each time", async () => {
    const first = await new CalendarLinks(store, () => now).mint(TENANT_A, "circle", CIRCLE, "mia");
    const second = await new CalendarLinks(store, () => now).mint(TENANT_A, "circle", CIRCLE, "mia");
    expect(first.slice(0, 22)).toBe(second.slice(0, 22));
    expect(first.slice(22)).not.toBe(second.slice(22));
    const b = await new CalendarLinks(store, () => now).mint(TENANT_B, "circle", CIRCLE, "mia");
    expect(b.slice(0, 22)).not.toBe(first.slice(0, 22));
  });

  it("stores no working link: only the key's hash names the grant", async () => {
    const token = await new CalendarLinks(store, () => now).mint(TENANT_A, "circle", CIRCLE, "mia");
    const everything = JSON.stringify([
      await store.query("circles", TENANT_A, {}),
      await store.query("settings", TENANT_A, {}),
      await store.query("settings", "_system", {}),
    ]);
    expect(everything).not.toContain(token.slice(22));
  });

  it("revokes by person, by circle or pairing, or both, and leaves everyone else's links", async () => {
    const links = new CalendarLinks(store, () => now);
    const mia = await links.mint(TENANT_A, "circle", CIRCLE, "mia");
    const max = await links.mint(TENANT_A, "circle", CIRCLE, "max");
    const miaElsewhere = await links.mint(TENANT_A, "buddy-pairing", "buddy-pairing-x", "mia");
    const miaInB = await links.mint(TENANT_B, "circle", CIRCLE, "mia");
    await revokeCalendarLinks(store, TENANT_A, { userId: "mia", subjectId: CIRCLE });
    expect(await links.open(mia, "circle")).toBeUndefined();
    expect(await links.open(max, "circle")).toBeDefined();
    expect(await links.open(miaElsewhere, "buddy-pairing")).toBeDefined();
    await revokeCalendarLinks(store, TENANT_A, { userId: "mia" });
    expect(await links.open(miaElsewhere, "buddy-pairing")).toBeUndefined();
    await revokeCalendarLinks(store, TENANT_A, { subjectId: CIRCLE });
    expect(await links.open(max, "circle")).toBeUndefined();
    expect(await links.open(miaInB, "circle")).toBeDefined();
  });

  it("retires the old signing key when a tenant first mints a new link", async () => {
    await store.create("settings", TENANT_A, "calendar-link-secret", { kind: "calendarLinkSecret", secret: "old" });
    await new CalendarLinks(store, () => now).mint(TENANT_A, "circle", CIRCLE, "mia");
    expect(await store.get("settings", TENANT_A, "calendar-link-secret")).toBeUndefined();
  });
});
