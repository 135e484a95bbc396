import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { BuddyService } from "./buddy-service.js";

const TENANT = "tenant-a";
const NOW = new Date("2026-01-05T12:00:00Z");
const mia = { userId: "mia", displayName: "Mia", signInName: "Mia@Contoso.Example" };
const sam = { userId: "sam", displayName: "Sam", signInName: "sam@contoso.example" };
const fin = { userId: "fin", displayName: "Fin" };
const london = (windows: string[]) => ({ timeZone: "Europe/London", windows });

let directory: string;
let store: EmbeddedStore;
let buddies: BuddyService;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "buddies-"));
  store = new EmbeddedStore({ directory });
  buddies = new BuddyService(store, () => NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

async function pairMiaWithFin(): Promise<string> {
  await buddies.offer(TENANT, fin, { ...london(["MO-09:00"]), capacity: 1 });
  await buddies.request(TENANT, mia, { ...london(["MO-09:00"]), avoid: [] });
  const run = await buddies.match(TENANT);
  if (!run.ok) throw new Error(run.refusal);
  expect(run.value.created).toHaveLength(1);
  return run.value.created[0]!.id;
}

describe("buddy service", () => {
  it("keeps a manager named by email away, whatever its case", async () => {
    await buddies.offer(TENANT, sam, { ...london(["MO-09:00"]), capacity: 1 });
    await buddies.request(TENANT, mia, { ...london(["MO-09:00"]), managerId: "SAM@contoso.example", avoid: [] });
    const run = await buddies.match(TENANT);
    expect(run).toEqual({ ok: true, value: { created: [], unmatched: [{ userId: "mia", displayName: "Mia", reason: "only-manager" }] } });
  });

  it("suggests the first check-in a day or more ahead, in the shared hour", async () => {
    await pairMiaWithFin();
    const [pairing] = (await buddies.mine(TENANT, "mia")).pairings;
    // 5 January 2026 is a Monday: a day's notice moves the check-in to the next Monday, 09:00 GMT.
    expect(pairing!.checkIn).toEqual({ start: "2026-01-12T09:00:00.000Z", end: "2026-01-12T09:15:00.000Z" });
  });

  it("refuses a second request from someone already paired, and a second run while one is under way", async () => {
    await pairMiaWithFin();
    expect(await buddies.request(TENANT, mia, { ...london(["MO-09:00"]), avoid: [] })).toEqual({ ok: false, refusal: "already_paired" });
    await store.create("circles", TENANT, "buddy-match-lock", { kind: "buddy-match-lock" }, { ttlSeconds: 60 });
    expect(await buddies.match(TENANT)).toEqual({ ok: false, refusal: "matching" });
  });

  it("forgets a person: their offer, request and pairings go, and the other person's view empties", async () => {
    await pairMiaWithFin();
    expect((await buddies.exportFor(TENANT, "fin")).pairings).toHaveLength(1);
    await buddies.forget(TENANT, "mia");
    expect(await buddies.exportFor(TENANT, "mia")).toEqual({ pairings: [], endedPairings: 0 });
    expect((await buddies.mine(TENANT, "fin")).pairings).toEqual([]);
    expect((await buddies.mine(TENANT, "fin")).offer).toMatchObject({ activePairings: 0 });
  });

  it("reads buddy documents written under the earlier kebab-case kinds, and rewrites them in the new spelling", async () => {
    const pairingId = await pairMiaWithFin();
    // As an older version wrote them: the same documents, with `buddy-pairing` and `buddy-offer` as their kind.
    for (const id of [pairingId, ...(await store.query("circles", TENANT, { where: { kind: "buddyOffer" } })).map((doc) => doc.id)]) {
      const current = (await store.get("circles", TENANT, id))!;
      const legacy = current.value.kind === "buddyPairing" ? "buddy-pairing" : "buddy-offer";
      await store.replace("circles", TENANT, id, { ...current.value, kind: legacy }, { ifMatch: current.etag });
    }
    expect((await buddies.mine(TENANT, "mia")).pairings.map((pairing) => pairing.id)).toEqual([pairingId]);
    expect((await buddies.mine(TENANT, "fin")).offer).toMatchObject({ capacity: 1, activePairings: 1 });
    expect(await buddies.end(TENANT, pairingId, "mia")).toBe(true);
    expect((await store.get("circles", TENANT, pairingId))?.value).toMatchObject({ kind: "buddyPairing", status: "ended" });
  });
});
