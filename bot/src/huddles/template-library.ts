import { randomUUID } from "node:crypto";
import {
  BUILT_IN_TEMPLATES,
  findBuiltInTemplate,
  templateFromInput,
  type HuddleTemplate,
  type HuddleTemplateInput,
} from "../../../shared/index.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

/** A template as listed: built-ins carry no version, because nobody can edit them. */
export interface ListedTemplate {
  template: HuddleTemplate;
  version?: string;
  updatedAt?: string;
}

interface StoredTemplate {
  [key: string]: unknown;
  kind: "huddle-template";
  template: HuddleTemplate;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

export type TemplateOutcome = { ok: true; value: ListedTemplate } | { ok: false; refusal: "not_found" | "built_in" | "changed" | "limit" };

const CONTAINER = "settings";
const CUSTOM_ID_PREFIX = "template-";
/** A tenant's library stays small enough to list in one read and pick from a dropdown. */
export const MAX_CUSTOM_TEMPLATES = 100;

/**
 * The tenant's huddle templates: the built-ins plus custom ones that facilitators and admins
 * create, edit and reuse. Edits are ETag-conditional, so two people editing at once cannot
 * silently overwrite each other. A huddle copies its template's steps when it starts, so editing
 * a template never changes a meeting already under way.
 */
export class HuddleTemplateLibrary {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => `${CUSTOM_ID_PREFIX}${randomUUID()}`,
  ) {}

  async list(tenantId: string): Promise<ListedTemplate[]> {
    const custom = await this.store.query<JsonObject>(CONTAINER, tenantId, {
      where: { kind: "huddle-template" },
      limit: MAX_CUSTOM_TEMPLATES,
    });
    const customListed = custom
      .map((stored) => ({ stored: stored.value as unknown as StoredTemplate, version: stored.etag }))
      .sort((a, b) => a.stored.template.name.localeCompare(b.stored.template.name))
      .map(({ stored, version }) => ({ template: stored.template, version, updatedAt: stored.updatedAt }));
    return [...BUILT_IN_TEMPLATES.map((template) => ({ template })), ...customListed];
  }

  async find(tenantId: string, templateId: string): Promise<HuddleTemplate | undefined> {
    const builtIn = findBuiltInTemplate(templateId);
    if (builtIn) return builtIn;
    if (!templateId.startsWith(CUSTOM_ID_PREFIX)) return undefined;
    const stored = await this.store.get<JsonObject>(CONTAINER, tenantId, templateId);
    return stored ? (stored.value as unknown as StoredTemplate).template : undefined;
  }

  async create(tenantId: string, input: HuddleTemplateInput, userId: string): Promise<TemplateOutcome> {
    const existing = await this.store.query(CONTAINER, tenantId, { where: { kind: "huddle-template" }, limit: MAX_CUSTOM_TEMPLATES });
    if (existing.length >= MAX_CUSTOM_TEMPLATES) return { ok: false, refusal: "limit" };
    const id = this.newId();
    const document = this.document(templateFromInput(input, id), userId, userId);
    const stored = await this.store.create(CONTAINER, tenantId, id, document as unknown as JsonObject);
    return { ok: true, value: { template: document.template, version: stored.etag, updatedAt: document.updatedAt } };
  }

  async update(
    tenantId: string,
    templateId: string,
    input: HuddleTemplateInput,
    version: string,
    userId: string,
  ): Promise<TemplateOutcome> {
    if (findBuiltInTemplate(templateId)) return { ok: false, refusal: "built_in" };
    const stored = templateId.startsWith(CUSTOM_ID_PREFIX) ? await this.store.get<JsonObject>(CONTAINER, tenantId, templateId) : undefined;
    if (!stored) return { ok: false, refusal: "not_found" };
    const previous = stored.value as unknown as StoredTemplate;
    const document = this.document(templateFromInput(input, templateId), previous.createdBy, userId);
    try {
      const written = await this.store.replace(CONTAINER, tenantId, templateId, document as unknown as JsonObject, { ifMatch: version });
      return { ok: true, value: { template: document.template, version: written.etag, updatedAt: document.updatedAt } };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
  }

  async remove(
    tenantId: string,
    templateId: string,
    version: string,
  ): Promise<{ ok: true } | { ok: false; refusal: "not_found" | "built_in" | "changed" }> {
    if (findBuiltInTemplate(templateId)) return { ok: false, refusal: "built_in" };
    if (!templateId.startsWith(CUSTOM_ID_PREFIX)) return { ok: false, refusal: "not_found" };
    try {
      return (await this.store.delete(CONTAINER, tenantId, templateId, { ifMatch: version }))
        ? { ok: true }
        : { ok: false, refusal: "not_found" };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
  }

  private document(template: HuddleTemplate, createdBy: string, updatedBy: string): StoredTemplate {
    return { kind: "huddle-template", template, createdBy, updatedBy, updatedAt: this.now().toISOString() };
  }
}
