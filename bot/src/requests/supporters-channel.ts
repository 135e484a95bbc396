import { z } from "zod";
import { collection } from "../storage/collection.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { jsonObjectSchema } from "../storage/json-schema.js";

const DOCUMENT_ID = "supporters-channel";

interface SupportersChannelDocument {
  kind: "supportersChannel";
  conversationReference: JsonObject;
  setBy: string;
  setAt: string;
}

const channelSchema: z.ZodType<SupportersChannelDocument> = z.looseObject({
  kind: z.literal("supportersChannel"),
  conversationReference: jsonObjectSchema,
  setBy: z.string(),
  setAt: z.string(),
});

/** The optional Teams channel where every new request's content-free card is also posted. */
export class SupportersChannel {
  private readonly channels;

  constructor(store: DocumentStore) {
    this.channels = collection(store, "settings", "supportersChannel", channelSchema);
  }

  async get(tenantId: string): Promise<JsonObject | undefined> {
    return (await this.channels.get(tenantId, DOCUMENT_ID))?.value.conversationReference;
  }

  async set(tenantId: string, conversationReference: JsonObject, setBy: string): Promise<void> {
    const value: SupportersChannelDocument = { kind: "supportersChannel", conversationReference, setBy, setAt: new Date().toISOString() };
    const existing = await this.channels.get(tenantId, DOCUMENT_ID);
    if (existing) await this.channels.replace(tenantId, DOCUMENT_ID, value, { ifMatch: existing.etag });
    else await this.channels.create(tenantId, DOCUMENT_ID, value);
  }
}
