import type { DocumentStore, JsonObject } from "../storage/document-store.js";

const documentId = (userId: string) => `contact-${userId}`;

/**
 * How the bot can reach each person in personal chat, learned when they install the app or write to
 * the bot. It holds the conversation address only, never anything said.
 */
export class ContactBook {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async referenceOf(tenantId: string, userId: string): Promise<JsonObject | undefined> {
    const stored = await this.store.get<JsonObject>("settings", tenantId, documentId(userId));
    return (stored?.value.reference as JsonObject | undefined) ?? undefined;
  }

  /** Written only when new, so an ordinary message costs one read. */
  async remember(tenantId: string, userId: string, reference: JsonObject): Promise<void> {
    if (await this.store.get("settings", tenantId, documentId(userId))) return;
    await this.store
      .create("settings", tenantId, documentId(userId), { kind: "contact", userId, reference, updatedAt: this.now().toISOString() })
      .catch(() => undefined); // Another turn recorded it first: the same address either way.
  }
}
