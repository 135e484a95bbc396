import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference, type TurnContext } from "botbuilder";
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
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference as unknown as Partial<ConversationReference>, async (context) => {
      try {
        await send(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}
