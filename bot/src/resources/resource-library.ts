import { randomUUID } from "node:crypto";
import { crisisLinesOrDefaults, type CrisisLine } from "../../../shared/resources/crisis-lines.js";
import {
  DEFAULT_ID_PREFIX,
  DEFAULT_RESOURCES,
  isDefaultResourceId,
  RESOURCE_CATEGORIES,
  RESOURCE_CONTACT_KINDS,
  type Resource,
} from "../../../shared/resources/resource-catalogue.js";
import { resourceFromInput, type ResourceInput } from "../../../shared/resources/resource-schema.js";
import { z } from "zod";
import type { ListedResource } from "../../../shared/api/index.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

export interface StoredResource {
  kind: "resource";
  /** Absent on a tombstone: a shipped entry the tenant's admins removed. */
  resource?: Resource | undefined;
  removed?: true | undefined;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

const resourceSchema: z.ZodType<Resource> = z.looseObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(RESOURCE_CATEGORIES),
  contacts: z.array(z.looseObject({ kind: z.enum(RESOURCE_CONTACT_KINDS), value: z.string() })),
  availability: z
    .union([
      z.looseObject({ kind: z.literal("always") }),
      z.looseObject({
        kind: z.literal("hours"),
        days: z.enum(["weekdays", "every_day"]),
        from: z.string(),
        to: z.string(),
        timeZone: z.string(),
      }),
      z.looseObject({ kind: z.literal("note"), note: z.string() }),
    ])
    .optional(),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  tags: z.array(z.string()),
  body: z.string().optional(),
  source: z.string().optional(),
  checkAndAdapt: z.boolean(),
});

const storedResourceSchema: z.ZodType<StoredResource> = z.looseObject({
  kind: z.literal("resource"),
  resource: resourceSchema.optional(),
  removed: z.literal(true).optional(),
  createdBy: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

/** The tenant's own resource documents (adapted defaults, tombstones, custom entries) in `settings`. */
export const resourceDocuments = (store: DocumentStore) => collection(store, "settings", "resource", storedResourceSchema);

export type ResourceRefusal = "not_found" | "changed" | "limit";
export type ResourceOutcome = { ok: true; value: ListedResource } | { ok: false; refusal: ResourceRefusal };

const CUSTOM_ID_PREFIX = "resource-";
/** The version of a shipped entry nobody in the tenant has changed yet. */
export const DEFAULT_VERSION = "default";
/** Enough for any programme, small enough to list in one read and search in the browser. */
export const MAX_CUSTOM_RESOURCES = 200;
const QUERY_LIMIT = MAX_CUSTOM_RESOURCES + DEFAULT_RESOURCES.length;

/**
 * A tenant's resource catalogue: the shipped defaults overlaid, entry by entry, with what its admins
 * changed. Nothing is copied on the first write. A default nobody touched is read from the shipped
 * data (version "default"), so a corrected phone number in a release reaches every tenant that has
 * not adapted that entry. Editing a default stores the tenant's own copy under the same id; removing
 * one stores a tombstone. Every write is ETag-conditional (a create for a first change), so two
 * admins editing at once cannot silently overwrite each other.
 */
export class ResourceLibrary {
  private readonly resources;

  constructor(
    store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => `${CUSTOM_ID_PREFIX}${randomUUID()}`,
  ) {
    this.resources = resourceDocuments(store);
  }

  async list(tenantId: string): Promise<ListedResource[]> {
    const stored = new Map(
      (await this.resources.query(tenantId, { limit: QUERY_LIMIT })).map((document) => [
        document.id,
        { value: document.value, etag: document.etag },
      ]),
    );
    const defaults: ListedResource[] = [];
    for (const resource of DEFAULT_RESOURCES) {
      const own = stored.get(resource.id);
      if (!own) defaults.push({ resource, version: DEFAULT_VERSION, isDefault: true });
      else if (own.value.resource) defaults.push(this.listed(own.value, own.etag, true));
    }
    const custom = [...stored.entries()]
      // An adapted default that a later release no longer ships stays: it is the tenant's own now.
      .filter(([id, own]) => !isDefaultResourceId(id) && own.value.resource)
      .map(([id, own]) => this.listed(own.value, own.etag, id.startsWith(DEFAULT_ID_PREFIX)))
      .sort((a, b) => a.resource.title.localeCompare(b.resource.title));
    return [...defaults, ...custom];
  }

  /** What the emergency block shows for this tenant: its crisis lines, or the defaults if it has none. */
  async crisisLines(tenantId: string): Promise<CrisisLine[]> {
    return crisisLinesOrDefaults((await this.list(tenantId)).map((listed) => listed.resource));
  }

  async create(tenantId: string, input: ResourceInput, userId: string): Promise<ResourceOutcome> {
    const existing = await this.resources.query(tenantId, { limit: QUERY_LIMIT });
    if (existing.filter((document) => document.id.startsWith(CUSTOM_ID_PREFIX)).length >= MAX_CUSTOM_RESOURCES) {
      return { ok: false, refusal: "limit" };
    }
    const id = this.newId();
    const document = this.document(resourceFromInput(input, id), userId, userId);
    const written = await this.resources.create(tenantId, id, document);
    return { ok: true, value: this.listed(document, written.etag, false) };
  }

  async update(tenantId: string, id: string, input: ResourceInput, version: string, userId: string): Promise<ResourceOutcome> {
    const previous = await this.current(tenantId, id);
    if (previous === "none") return { ok: false, refusal: "not_found" };
    const isDefault = id.startsWith(DEFAULT_ID_PREFIX);
    const document = this.document(resourceFromInput(input, id), previous?.createdBy ?? userId, userId);
    return this.conditionally(async () => {
      const written = previous
        ? await this.resources.replace(tenantId, id, document, { ifMatch: version })
        : await this.firstChange(tenantId, id, document, version);
      return { ok: true, value: this.listed(document, written.etag, isDefault) };
    });
  }

  async remove(
    tenantId: string,
    id: string,
    version: string,
    userId: string,
  ): Promise<{ ok: true } | { ok: false; refusal: ResourceRefusal }> {
    const previous = await this.current(tenantId, id);
    if (previous === "none") return { ok: false, refusal: "not_found" };
    const isDefault = id.startsWith(DEFAULT_ID_PREFIX);
    return this.conditionally(async () => {
      if (!isDefault) {
        return (await this.resources.delete(tenantId, id, { ifMatch: version })) ? { ok: true } : { ok: false, refusal: "not_found" };
      }
      // A removed default must stay removed, so it leaves a tombstone rather than nothing.
      const tombstone: StoredResource = {
        kind: "resource",
        removed: true,
        createdBy: previous?.createdBy ?? userId,
        updatedBy: userId,
        updatedAt: this.now().toISOString(),
      };
      if (previous) await this.resources.replace(tenantId, id, tombstone, { ifMatch: version });
      else await this.firstChange(tenantId, id, tombstone, version);
      return { ok: true };
    });
  }

  /**
   * What is stored under an id: a document, nothing yet (an untouched shipped default: undefined),
   * or "none" when there is nothing to change (unknown, or a removed default).
   */
  private async current(tenantId: string, id: string): Promise<StoredResource | undefined | "none"> {
    if (!id.startsWith(CUSTOM_ID_PREFIX) && !id.startsWith(DEFAULT_ID_PREFIX)) return "none";
    const previous = (await this.resources.get(tenantId, id))?.value;
    if (previous) return previous.resource ? previous : "none";
    return isDefaultResourceId(id) ? undefined : "none";
  }

  /** The first change to a default: only from its shipped version, and only once (a create cannot win twice). */
  private async firstChange(tenantId: string, id: string, document: StoredResource, version: string) {
    if (version !== DEFAULT_VERSION) throw new ConflictError("etag");
    return this.resources.create(tenantId, id, document);
  }

  private async conditionally<T>(write: () => Promise<T>): Promise<T | { ok: false; refusal: "changed" }> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
  }

  private listed(document: StoredResource, version: string, isDefault: boolean): ListedResource {
    return { resource: document.resource!, version, isDefault, updatedAt: document.updatedAt };
  }

  private document(resource: Resource, createdBy: string, updatedBy: string): StoredResource {
    return { kind: "resource", resource, createdBy, updatedBy, updatedAt: this.now().toISOString() };
  }
}
