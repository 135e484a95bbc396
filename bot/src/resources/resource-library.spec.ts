import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESOURCES } from "../../../shared/resources/resource-catalogue.js";
import { inputFromResource } from "../../../shared/resources/resource-schema.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { DEFAULT_VERSION, ResourceLibrary, resourceDocuments } from "./resource-library.js";

const TENANT_A = "tenant-a";
const TENANT_B = "tenant-b";
let directory: string;
let store: EmbeddedStore;
let library: ResourceLibrary;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-resources-"));
  store = new EmbeddedStore({ directory });
  library = new ResourceLibrary(store, () => new Date("2030-01-01T00:00:00Z"));
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

const samaritans = DEFAULT_RESOURCES.find((resource) => resource.id === "default-samaritans")!;

describe("the per-tenant resource library", () => {
  it("lists the shipped defaults, unchanged, for a tenant nobody has configured", async () => {
    const listed = await library.list(TENANT_A);
    expect(listed.map((item) => item.resource)).toEqual(DEFAULT_RESOURCES);
    expect(listed.every((item) => item.version === DEFAULT_VERSION && item.isDefault)).toBe(true);
  });

  it("keeps one tenant's changes to itself", async () => {
    const adapted = { ...inputFromResource(samaritans), description: "Checked by tenant A." };
    const outcome = await library.update(TENANT_A, "default-samaritans", adapted, DEFAULT_VERSION, "admin-a");
    expect(outcome).toMatchObject({ ok: true, value: { isDefault: true, resource: { checkAndAdapt: false } } });
    expect((await library.remove(TENANT_A, "default-box-breathing", DEFAULT_VERSION, "admin-a")).ok).toBe(true);

    const a = await library.list(TENANT_A);
    expect(a.find((item) => item.resource.id === "default-samaritans")?.resource.description).toBe("Checked by tenant A.");
    expect(a.some((item) => item.resource.id === "default-box-breathing")).toBe(false);
    expect((await library.list(TENANT_B)).map((item) => item.resource)).toEqual(DEFAULT_RESOURCES);
  });

  it("keeps an adapted entry that a later release no longer ships, as the tenant's own", async () => {
    const retired = { ...samaritans, id: "default-retired-line", title: "A line we stopped shipping", checkAndAdapt: false };
    await resourceDocuments(store).create(TENANT_B, retired.id, {
      kind: "resource",
      resource: retired,
      createdBy: "admin-b",
      updatedBy: "admin-b",
      updatedAt: "2029-01-01T00:00:00.000Z",
    });
    const listed = (await library.list(TENANT_B)).find((item) => item.resource.id === retired.id);
    expect(listed).toMatchObject({ isDefault: true, resource: { title: "A line we stopped shipping" } });
    expect((await library.update(TENANT_B, retired.id, inputFromResource(retired), DEFAULT_VERSION, "admin-b")).ok).toBe(false);
    expect((await library.remove(TENANT_B, retired.id, listed!.version, "admin-b")).ok).toBe(true);
    expect((await library.list(TENANT_B)).some((item) => item.resource.id === retired.id)).toBe(false);
    // Never shipped and never stored: nothing to change.
    expect(await library.update(TENANT_B, "default-never-shipped", inputFromResource(retired), DEFAULT_VERSION, "admin-b")).toEqual({
      ok: false,
      refusal: "not_found",
    });
  });

  it("gives the tenant's crisis lines to the bot, or the defaults when it has none", async () => {
    expect((await library.crisisLines(TENANT_A)).find((line) => line.name === "Samaritans")?.checkAndAdapt).toBe(false);
    for (const item of (await library.list(TENANT_B)).filter((listed) => listed.resource.category === "crisis_line")) {
      expect((await library.remove(TENANT_B, item.resource.id, item.version, "admin-b")).ok).toBe(true);
    }
    expect((await library.crisisLines(TENANT_B)).map((line) => line.name)).toContain("Samaritans");
    expect((await library.crisisLines(TENANT_B)).every((line) => line.checkAndAdapt)).toBe(true);
  });
});
