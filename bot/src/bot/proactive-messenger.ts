import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { JsonObject } from "../storage/document-store.js";
import type { AdaptiveCard } from "./cards/help-card.js";

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
  ) {}

  async sendCard(reference: JsonObject, card: AdaptiveCard): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, reference as unknown as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    });
  }

  async sendText(reference: JsonObject, text: string): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, reference as unknown as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(text);
    });
  }
}
