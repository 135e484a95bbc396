import { CardFactory, MessageFactory, type ConversationParameters, type TurnContext } from "botbuilder";
import type { Logger } from "../logger.js";
import { identityOf } from "./activity-identity.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import type { ContactBook } from "./contact-book.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";

export interface PrivateDeliveryDependencies {
  /** The bot's app id, which botbuilder needs to open a conversation; empty without credentials. */
  botAppId: string;
  messenger: ProactiveMessenger;
  contacts?: ContactBook;
  logger: Logger;
}

/** How long the group's reply waits on the private one; a slow connector must not hold the turn until Teams retries it. */
const PRIVATE_DELIVERY_WAIT_MS = 3_000;
/**
 * The adapter's conversation opener as botbuilder runs it: a null audience means the channel's
 * default (TeamsInfo passes null too), though its declared type says string. A method signature,
 * so the adapter is assignable to it without a cast.
 */
interface ConversationOpener {
  createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string | null,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/** Without `<at>…</at>` mentions: the bot's own name in a mention is not the writer's words. */
export function withoutMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, " ");
}

/**
 * Sends the card to whoever wrote this group-chat or channel message, in their one-to-one chat
 * with the bot: through the address the contact book holds if there is one, else by opening that
 * chat (Teams lets a bot do so once the app is installed where the person is). Resolves to whether
 * it arrived, within a few seconds, and never throws. Nothing is stored on the way, not even the
 * new chat's address: a record made at the moment of a crisis would itself say something.
 */
export async function sendCardToWriterPrivately(
  context: TurnContext,
  card: AdaptiveCard,
  deps: PrivateDeliveryDependencies,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PRIVATE_DELIVERY_WAIT_MS);
  });
  try {
    return await Promise.race([deliver(context, card, deps), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function deliver(context: TurnContext, card: AdaptiveCard, deps: PrivateDeliveryDependencies): Promise<boolean> {
  const identity = identityOf(context.activity);
  if (!identity) {
    deps.logger.warn({ event: "bot.private_emergency.failed", errorName: "UnknownWriter" }, "private emergency block not sent");
    return false;
  }
  const stored = await deps.contacts?.referenceOf(identity.tenantId, identity.userId).catch(() => undefined);
  if (stored) {
    try {
      await deps.messenger.sendCard(stored, card);
      deps.logger.info({ event: "bot.private_emergency.sent", via: "known_chat" }, "private emergency block sent");
      return true;
    } catch (error) {
      // The person may have removed the app since; opening the chat afresh is the next best way.
      deps.logger.warn({ event: "bot.private_emergency.known_chat_failed", errorName: (error as Error).name }, "known chat failed");
    }
  }
  try {
    await sendInNewPersonalChat(context, identity.tenantId, card, deps.botAppId);
    deps.logger.info({ event: "bot.private_emergency.sent", via: "new_chat" }, "private emergency block sent");
    return true;
  } catch (error) {
    deps.logger.warn({ event: "bot.private_emergency.failed", errorName: (error as Error).name }, "private emergency block not sent");
    return false;
  }
}

async function sendInNewPersonalChat(context: TurnContext, tenantId: string, card: AdaptiveCard, botAppId: string): Promise<void> {
  const { activity } = context;
  const parameters: ConversationParameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [{ id: activity.from.id, name: "" }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  };
  let failure: { error: unknown } | undefined;
  // A failed send is caught here: left to the adapter, its turn-error handler would swallow it.
  const opener: ConversationOpener = context.adapter;
  await opener.createConversationAsync(botAppId, activity.channelId, activity.serviceUrl, null, parameters, async (personal) => {
    try {
      await personal.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}
