import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  BUILT_IN_TEMPLATES,
  findBuiltInTemplate,
  HUDDLE_TEMPLATE_KINDS,
  templateFromInput,
  type HuddleTemplate,
  type HuddleTemplateInput,
} from "../../../shared/index.js";
import type { ListedTemplate } from "../../../shared/api/index.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { huddleStepSchema } from "./huddle-documents.js";

/** Spelled `huddle-template` until 2026-12; documents on disk may still say so, and are read under either spelling. */
interface StoredTemplate {
  kind: "huddleTemplate";
  template: HuddleTemplate;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

const storedTemplateSchema: z.ZodType<StoredTemplate> = z.looseObject({
  kind: z.literal("huddleTemplate"),
  template: z.looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(HUDDLE_TEMPLATE_KINDS),
    steps: z.array(huddleStepSchema),
    builtIn: z.boolean(),
  }),
  createdBy: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

/** Why the template library refused a change; routes turn each into an HTTP answer (http/refusal-tables.ts). */
export type TemplateRefusal = "not_found" | "built_in" | "changed" | "limit";
export type TemplateOutcome = { ok: true; value: ListedTemplate } | { ok: false; refusal: TemplateRefusal };

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
  private readonly templates;

  constructor(
    store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => `${CUSTOM_ID_PREFIX}${randomUUID()}`,
  ) {
    this.templates = collection(store, CONTAINER, "huddleTemplate", storedTemplateSchema, { legacyKinds: ["huddle-template"] });
  }

  async list(tenantId: string): Promise<ListedTemplate[]> {
    const custom = await this.templates.query(tenantId, { limit: MAX_CUSTOM_TEMPLATES });
    const customListed = custom
      .map((stored) => ({ stored: stored.value, version: stored.etag }))
      .sort((a, b) => a.stored.template.name.localeCompare(b.stored.template.name))
      .map(({ stored, version }) => ({ template: stored.template, version, updatedAt: stored.updatedAt }));
    return [...BUILT_IN_TEMPLATES.map((template) => ({ template })), ...customListed];
  }

  async find(tenantId: string, templateId: string): Promise<HuddleTemplate | undefined> {
    const builtIn = findBuiltInTemplate(templateId);
    if (builtIn) return builtIn;
    if (!templateId.startsWith(CUSTOM_ID_PREFIX)) return undefined;
    return (await this.templates.get(tenantId, templateId))?.value.template;
  }

  async create(tenantId: string, input: HuddleTemplateInput, userId: string): Promise<TemplateOutcome> {
    const existing = await this.templates.query(tenantId, { limit: MAX_CUSTOM_TEMPLATES });
    if (existing.length >= MAX_CUSTOM_TEMPLATES) return { ok: false, refusal: "limit" };
    const id = this.newId();
    const document = this.document(templateFromInput(input, id), userId, userId);
    const stored = await this.templates.create(tenantId, id, document);
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
    const stored = templateId.startsWith(CUSTOM_ID_PREFIX) ? await this.templates.get(tenantId, templateId) : undefined;
    if (!stored) return { ok: false, refusal: "not_found" };
    const previous = stored.value;
    const document = this.document(templateFromInput(input, templateId), previous.createdBy, userId);
    try {
      const written = await this.templates.replace(tenantId, templateId, document, { ifMatch: version });
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
  ): Promise<{ ok: true } | { ok: false; refusal: Exclude<TemplateRefusal, "limit"> }> {
    if (findBuiltInTemplate(templateId)) return { ok: false, refusal: "built_in" };
    if (!templateId.startsWith(CUSTOM_ID_PREFIX)) return { ok: false, refusal: "not_found" };
    try {
      return (await this.templates.delete(tenantId, templateId, { ifMatch: version })) ? { ok: true } : { ok: false, refusal: "not_found" };
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: "changed" };
      throw error;
    }
  }

  private document(template: HuddleTemplate, createdBy: string, updatedBy: string): StoredTemplate {
    return { kind: "huddleTemplate", template, createdBy, updatedBy, updatedAt: this.now().toISOString() };
  }
}
