import { z } from "zod";
import { collection } from "../storage/collection.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { jsonObjectSchema } from "../storage/json-schema.js";
import { ConflictError } from "../storage/store-errors.js";

export interface SupporterPresence {
  [key: string]: unknown;
  kind: "supporter";
  userId: string;
  onDuty: boolean;
  /** Whether the supporter chose to be offered by name in the request form. */
  listed?: boolean | undefined;
  /** Only kept for listed supporters, from their own Teams activity. */
  displayName?: string | undefined;
  /** How the bot reaches them in personal chat; absent until they first talk to the bot. */
  conversationReference?: JsonObject | undefined;
  /** Roster details an admin records. */
  trainedOn?: string | undefined;
  languages?: string[] | undefined;
  bio?: string | undefined;
  updatedAt: string;
}

const presenceSchema: z.ZodType<SupporterPresence> = z.looseObject({
  kind: z.literal("supporter"),
  userId: z.string(),
  onDuty: z.boolean(),
  listed: z.boolean().optional(),
  displayName: z.string().optional(),
  conversationReference: jsonObjectSchema.optional(),
  trainedOn: z.string().optional(),
  languages: z.array(z.string()).optional(),
  bio: z.string().optional(),
  updatedAt: z.string(),
});

const documentId = (userId: string) => `supporter-${userId}`;
const MAX_WRITE_ATTEMPTS = 5;

/** Peer supporters' duty status and how to reach them, per tenant. Roles live in the RoleDirectory. */
export class SupporterRegistry {
  private readonly presences;

  constructor(
    store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.presences = collection(store, "settings", "supporter", presenceSchema);
  }

  async get(tenantId: string, userId: string): Promise<SupporterPresence | undefined> {
    return (await this.presences.get(tenantId, documentId(userId)))?.value;
  }

  /** Records how to reach a supporter, keeping their duty status. */
  async remember(tenantId: string, userId: string, conversationReference: JsonObject): Promise<void> {
    await this.update(tenantId, userId, (current) => ({ ...current, conversationReference }));
  }

  async setOnDuty(tenantId: string, userId: string, onDuty: boolean, conversationReference?: JsonObject): Promise<void> {
    await this.update(tenantId, userId, (current) => ({ ...current, onDuty, ...(conversationReference ? { conversationReference } : {}) }));
  }

  /** Everyone the bot knows how to reach among supporters and admins; callers check roles. */
  async all(tenantId: string): Promise<SupporterPresence[]> {
    const documents = await this.presences.query(tenantId);
    return documents.map((document) => document.value);
  }

  /** Supporters on the roster the bot has no conversation with yet, so it cannot notify them. */
  async unreachable(tenantId: string, rosterUserIds: readonly string[]): Promise<string[]> {
    const reachable = new Set(
      (await this.all(tenantId)).filter((contact) => contact.conversationReference).map((contact) => contact.userId),
    );
    return rosterUserIds.filter((userId) => !reachable.has(userId));
  }

  async setListed(tenantId: string, userId: string, listed: boolean, displayName: string | undefined): Promise<void> {
    await this.update(tenantId, userId, (current) => {
      const { displayName: _previous, ...rest } = current;
      return { ...rest, listed, ...(listed && displayName ? { displayName } : {}) };
    });
  }

  /** An admin's roster entry: name, training date, languages and a short bio. */
  async setProfile(
    tenantId: string,
    userId: string,
    profile: { displayName?: string | undefined; trainedOn?: string | undefined; languages: string[]; bio: string },
  ) {
    await this.update(tenantId, userId, (current) => ({ ...current, ...profile }));
  }

  /** Supporters who chose to be named in the form, for "a specific supporter". */
  async listed(tenantId: string): Promise<{ userId: string; displayName: string }[]> {
    const documents = await this.presences.query(tenantId, { where: { listed: true } });
    return documents
      .map((document) => document.value)
      .filter((supporter) => supporter.displayName)
      .map((supporter) => ({ userId: supporter.userId, displayName: supporter.displayName! }));
  }

  async onDuty(tenantId: string): Promise<SupporterPresence[]> {
    const documents = await this.presences.query(tenantId, { where: { onDuty: true } });
    return documents.map((document) => document.value);
  }

  private async update(tenantId: string, userId: string, change: (current: SupporterPresence) => SupporterPresence): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const existing = await this.presences.get(tenantId, documentId(userId));
      const base: SupporterPresence = existing?.value ?? {
        kind: "supporter",
        userId,
        onDuty: false,
        updatedAt: "",
      };
      const next: SupporterPresence = { ...change(base), updatedAt: this.now().toISOString() };
      try {
        if (existing) await this.presences.replace(tenantId, documentId(userId), next, { ifMatch: existing.etag });
        else await this.presences.create(tenantId, documentId(userId), next);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }
}
