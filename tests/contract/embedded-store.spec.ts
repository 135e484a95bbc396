import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedStore } from "../../bot/src/storage/embedded-store.js";
import { runDocumentStoreContract } from "./document-store.contract.js";
import { runTypedCollectionContract } from "./typed-collection.contract.js";

let directory: string;
let store: EmbeddedStore;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-contract-"));
  store = new EmbeddedStore({ directory: join(directory, "store") });
});

afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

runDocumentStoreContract("embedded (LMDB)", () => store);
runTypedCollectionContract("embedded (LMDB)", () => store);

describe("embedded store retention", () => {
  it("hides an expired document at once and purges it later", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z");
    const ttlStore = new EmbeddedStore({ directory: join(directory, "ttl"), now: () => clock, purgeIntervalMs: 3_600_000 });
    try {
      await ttlStore.create("requests", "tenant-ttl", "closed", { status: "resolved" }, { ttlSeconds: 60 });
      await ttlStore.create("requests", "tenant-ttl", "kept", { status: "open" });
      clock += 61_000;
      expect(await ttlStore.get("requests", "tenant-ttl", "closed")).toBeUndefined();
      expect((await ttlStore.query("requests", "tenant-ttl")).map((doc) => doc.id)).toEqual(["kept"]);
      // The id is free again for a new document even before the purge runs.
      await ttlStore.create("requests", "tenant-ttl", "closed", { status: "reopened" }, { ttlSeconds: 60 });
      clock += 61_000;
      expect(await ttlStore.purgeExpired()).toBe(1);
      expect(await ttlStore.purgeExpired()).toBe(0);
      expect((await ttlStore.query("requests", "tenant-ttl")).map((doc) => doc.id)).toEqual(["kept"]);
    } finally {
      await ttlStore.close();
    }
  });

  it("purges a large store in slices, removing every expired document and nothing else", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z");
    const big = new EmbeddedStore({ directory: join(directory, "big"), now: () => clock, purgeIntervalMs: 3_600_000 });
    try {
      // More than two slices' worth, alternating expiring and lasting, across two tenants.
      const writes = [];
      for (let index = 0; index < 5_001; index++) {
        const tenant = index % 3 === 0 ? "tenant-b" : "tenant-a";
        writes.push(big.create("audit", tenant, `doc-${String(index).padStart(5, "0")}`, { index }, index % 2 ? { ttlSeconds: 60 } : {}));
      }
      await Promise.all(writes);
      clock += 61_000;
      expect(await big.purgeExpired()).toBe(2_500);
      const left = [...(await big.query("audit", "tenant-a", { limit: 1000 })), ...(await big.query("audit", "tenant-b", { limit: 1000 }))];
      expect(left.every((doc) => (doc.value.index as number) % 2 === 0)).toBe(true);
      expect(await big.get("audit", "tenant-a", "doc-05000")).toBeDefined();
      expect(await big.purgeExpired()).toBe(0);
    } finally {
      await big.close();
    }
  });

  it("keeps documents across a close and reopen", async () => {
    const path = join(directory, "reopen");
    const first = new EmbeddedStore({ directory: path });
    await first.create("settings", "tenant-r", "kept", { value: "still here" });
    await first.close();
    const second = new EmbeddedStore({ directory: path });
    expect((await second.get("settings", "tenant-r", "kept"))?.value).toEqual({ value: "still here" });
    await second.close();
  });
});

describe("embedded store memory mapping", () => {
  it("maps its file once as it grows, so each page is resident at most once", async () => {
    const mapped = new EmbeddedStore({ directory: join(directory, "mapped") });
    try {
      // About 12 MB after compression, well past the map lmdb-js would otherwise start with.
      for (let batch = 0; batch < 30; batch++)
        await Promise.all(
          Array.from({ length: 100 }, (_, index) =>
            mapped.create("audit", "tenant-map", `doc-${batch}-${index}`, { filler: randomBytes(4_000).toString("hex") }),
          ),
        );
      const dataFile = join(directory, "mapped", "data.mdb");
      const mappings = readFileSync("/proc/self/maps", "utf8")
        .split("\n")
        .filter((line) => line.endsWith(` ${dataFile}`));
      expect(mappings).toHaveLength(1);
    } finally {
      await mapped.close();
    }
  });
});
