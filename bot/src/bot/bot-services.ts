import { CardFactory, MessageFactory, TurnContext } from "botbuilder";
import type { CrisisLine, RiskAssessment } from "../../../shared/index.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { Logger } from "../logger.js";
import type { RequestService } from "../requests/request-service.js";
import type { SupporterRegistry } from "../requests/supporter-registry.js";
import type { SupportersChannel } from "../requests/supporters-channel.js";
import type { JsonObject } from "../storage/document-store.js";
import { identityOf } from "./activity-identity.js";
import { botMessages } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { emergencyCard } from "./cards/emergency-card.js";
import { privateChatPointerCard } from "./cards/private-chat-card.js";
import { privateEmergencyCard } from "./cards/private-emergency-card.js";
import type { ContactBook } from "./contact-book.js";
import { crisisAlertCard } from "./crisis-alert.js";
import { sendCardToWriterPrivately } from "./private-emergency-delivery.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import type { RoutingDependencies } from "./supporter-routing.js";

export interface PeerCirclesBotOptions {
  botId?: string;
  /** The tab's public address, for links from cards; absent when running locally without one. */
  tabEndpoint?: string;
  logger: Logger;
  requests: RequestService;
  supporters: SupporterRegistry;
  roles: RoleDirectory;
  messenger: ProactiveMessenger;
  supportersChannel?: SupportersChannel;
  /** Remembers how to reach each person, so circle news can come to them later. */
  contacts?: ContactBook;
  roster?: RoutingDependencies["roster"];
  /** The tenant's crisis lines from its resource catalogue; without it, the shipped defaults. */
  crisisLines?: (tenantId: string) => Promise<readonly CrisisLine[]>;
  now?: () => Date;
}

/** Emergency contacts go out within a second: a slow catalogue read falls back to the shipped lines. */
const CRISIS_LINES_WAIT_MS = 400;

/**
 * What every command and card verb handler may use: the bot's dependencies and the replies that
 * more than one of them sends. Holds no state between turns.
 */
export class BotServices {
  constructor(readonly options: PeerCirclesBotOptions) {}

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  routing(): RoutingDependencies {
    const { requests, supporters, roles, messenger, logger, supportersChannel, roster } = this.options;
    return {
      requests,
      supporters,
      roles,
      messenger,
      logger,
      now: () => this.now(),
      ...(supportersChannel ? { supportersChannel } : {}),
      ...(roster ? { roster } : {}),
    };
  }

  /** An address in the tab, e.g. `/personal/resources`; undefined when the tab has no public address. */
  tabUrl(path: string): string | undefined {
    return this.options.tabEndpoint ? new URL(path, this.options.tabEndpoint).toString() : undefined;
  }

  async sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  /** Supporters who chose to be offered by name, less the person asking. */
  async namedSupporters(context: TurnContext): Promise<{ userId: string; displayName: string }[]> {
    const identity = identityOf(context.activity);
    return identity
      ? (await this.options.supporters.listed(identity.tenantId)).filter((supporter) => supporter.userId !== identity.userId)
      : [];
  }

  async rememberContact(context: TurnContext): Promise<void> {
    const identity = identityOf(context.activity);
    if (!identity || !this.options.contacts) return;
    const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as JsonObject;
    await this.options.contacts.remember(identity.tenantId, identity.userId, { ...reference, locale: context.activity.locale ?? null });
  }

  async raiseCrisisAlert(context: TurnContext, risk: RiskAssessment): Promise<boolean> {
    const card = await crisisAlertCard(context.activity, risk, this.routing());
    if (card) await this.sendCard(context, card);
    return Boolean(card);
  }

  /** Crisis language gets the emergency contacts first, before any other reply. */
  async sendEmergencyBlock(context: TurnContext, risk: RiskAssessment): Promise<void> {
    if (risk.level !== "crisis") return;
    this.options.logger.warn({ event: "bot.crisis_language", reasons: risk.reasons }, "emergency block sent");
    await this.sendCard(
      context,
      emergencyCard(botMessages(context.activity.locale), context.activity.locale, await this.crisisLines(context)),
    );
  }

  /** From a group chat or channel: to the writer's one-to-one chat, never where the group would see it. */
  async sendEmergencyBlockPrivately(context: TurnContext, risk: RiskAssessment): Promise<void> {
    this.options.logger.warn({ event: "bot.crisis_language", reasons: risk.reasons, where: "shared" }, "emergency block sent privately");
    const { messenger, contacts, logger } = this.options;
    const card = privateEmergencyCard(botMessages(context.activity.locale), context.activity.locale, await this.crisisLines(context));
    await sendCardToWriterPrivately(context, card, {
      botAppId: this.options.botId ?? "",
      messenger,
      logger,
      ...(contacts ? { contacts } : {}),
    });
  }

  /** The tenant's crisis lines, or undefined (the card then uses the defaults) if they cannot be read quickly. */
  async crisisLines(context: TurnContext): Promise<readonly CrisisLine[] | undefined> {
    const tenantId = identityOf(context.activity)?.tenantId ?? context.activity.conversation?.tenantId;
    if (!tenantId || !this.options.crisisLines) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), CRISIS_LINES_WAIT_MS);
    });
    try {
      return await Promise.race([this.options.crisisLines(tenantId), late]);
    } catch (error) {
      this.options.logger.warn({ event: "bot.crisis_lines_unavailable", errorName: (error as Error).name }, "default crisis lines used");
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** In a channel or group chat: a pointer to the one-to-one chat, and nothing else. */
  privateChatCard(context: TurnContext): AdaptiveCard {
    const messages = botMessages(context.activity.locale);
    return privateChatPointerCard(messages, this.options.botId ?? context.activity.recipient.id);
  }
}
