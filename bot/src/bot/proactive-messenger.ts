import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference, type TurnContext } from "botbuilder";
import { z } from "zod";
import { AppError } from "../../../shared/index.js";
import type { JsonObject } from "../storage/document-store.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import type { ServiceUrlAllowList } from "./service-url-allow-list.js";
import { serverMessage } from "../http/server-messages.js";

/** Sends a card into a conversation the bot is not currently in a turn of. */
export interface ProactiveMessenger {
  sendCard(reference: JsonObject, card: AdaptiveCard): Promise<void>;
  sendText(reference: JsonObject, text: string): Promise<void>;
}

/** The real one: botbuilder's CloudAdapter continuing a stored conversation. */
export class CloudAdapterMessenger implements ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    /** Checked on every send: a reference stored before the list changed must not take the bot's token elsewhere. */
    private readonly serviceUrls: ServiceUrlAllowList,
  ) {}

  async sendCard(reference: JsonObject, card: AdaptiveCard): Promise<void> {
    await this.continueWith(reference, (context) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))));
  }

  async sendText(reference: JsonObject, text: string): Promise<void> {
    await this.continueWith(reference, (context) => context.sendActivity(text));
  }

  /**
   * A failed send goes back to the caller. Left to the adapter, its turn-error handler would swallow
   * it, so the caller would count the message as delivered, and would send the person an apology for
   * a turn they never took.
   */
  private async continueWith(reference: JsonObject, send: (context: TurnContext) => Promise<unknown>): Promise<void> {
    if (!this.serviceUrls.allows(reference.serviceUrl)) {
      throw new AppError("forbidden", serverMessage("conversationAddressNotAllowed"));
    }
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, conversationReferenceOf(reference), async (context) => {
      try {
        await send(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}

/**
 * A stored reference as botbuilder takes it. What the store holds was written from
 * `getConversationReference` and has passed its collection's schema; the fields botbuilder reads
 * are checked again here, so a damaged one fails as a refusal rather than inside the adapter.
 */
function conversationReferenceOf(stored: JsonObject): Partial<ConversationReference> {
  const parsed = STORED_REFERENCE.safeParse(stored);
  if (!parsed.success) throw new AppError("internal", serverMessage("conversationAddressUnreadable"));
  return parsed.data;
}

const STORED_REFERENCE = z.custom<Partial<ConversationReference>>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { serviceUrl?: unknown }).serviceUrl === "string" &&
    typeof (value as { conversation?: { id?: unknown } }).conversation?.id === "string",
);
