import type { DocumentStore, JsonObject } from "../storage/document-store.js";

const DOCUMENT_ID = "supporters-channel";

/** The optional Teams channel where every new request's content-free card is also posted. */
export class SupportersChannel {
  constructor(private readonly store: DocumentStore) {}

  async get(tenantId: string): Promise<JsonObject | undefined> {
    const stored = await this.store.get<{ conversationReference: JsonObject }>("settings", tenantId, DOCUMENT_ID);
    return stored?.value.conversationReference;
  }

  async set(tenantId: string, conversationReference: JsonObject, setBy: string): Promise<void> {
    const value = { kind: "supportersChannel", conversationReference, setBy, setAt: new Date().toISOString() };
    const existing = await this.store.get("settings", tenantId, DOCUMENT_ID);
    if (existing) await this.store.replace("settings", tenantId, DOCUMENT_ID, value, { ifMatch: existing.etag });
    else await this.store.create("settings", tenantId, DOCUMENT_ID, value);
  }
}
