import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from "botbuilder";
import {
  assessRisk,
  isReferenceCode,
  requestSummaryView,
  requesterAuditView,
  requesterRequestView,
  type CrisisLine,
  type RiskAssessment,
} from "../../../shared/index.js";
import type { Logger } from "../logger.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { RequestService } from "../requests/request-service.js";
import type { SupporterRegistry } from "../requests/supporter-registry.js";
import type { JsonObject } from "../storage/document-store.js";
import { CLAIM_REQUEST_VERB, noticeCard, REFRESH_REQUEST_VERB, REQUEST_ACTION_VERB } from "./cards/supporter-cards.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import type { SupportersChannel } from "../requests/supporters-channel.js";
import type { ContactBook } from "./contact-book.js";
import { RELAY_VERB } from "./cards/relay-cards.js";
import { relayMessage } from "./relay.js";
import { crisisAlertCard } from "./crisis-alert.js";
import {
  changeRequestStatus,
  claimRequest,
  NOBODY_REACHED,
  notifySupporters,
  refreshedRequestCard,
  type RoutingDependencies,
} from "./supporter-routing.js";
import { botMessages } from "./bot-messages.js";
import { emergencyCard } from "./cards/emergency-card.js";
import { privateEmergencyCard } from "./cards/private-emergency-card.js";
import { sendCardToWriterPrivately, withoutMentions } from "./private-emergency-delivery.js";
import { helpCard, type AdaptiveCard } from "./cards/help-card.js";
import { myRequestsCard, REQUEST_DETAILS_VERB, requestDetailsCard, requestFormCard, SUBMIT_REQUEST_VERB } from "./cards/request-cards.js";
import { identityOf, isPersonalChat, normaliseCommand } from "./activity-identity.js";
import { submitRequestFromCard } from "./request-submission.js";
import { handleSupporterCommand, setSupportersChannel } from "./supporter-commands.js";

export { isPersonalChat, normaliseCommand };

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

const HELP_COMMANDS = new Set(["help", "hi", "hello", "start", "?"]);
const TALK_COMMANDS = new Set(["talk to someone", "talk", "request", "ask for help"]);
const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
/** Emergency contacts go out within a second: a slow catalogue read falls back to the shipped lines. */
const CRISIS_LINES_WAIT_MS = 400;

/**
 * The bot's conversation. Every text is screened for crisis language before anything else. It keeps
 * no state of its own between turns: everything lasting goes through the store.
 */
export class PeerCirclesBot extends TeamsActivityHandler {
  constructor(private readonly options: PeerCirclesBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botWasAdded && isPersonalChat(context)) {
        await this.rememberContact(context);
        await this.sendWelcome(context);
      }
      await next();
    });
  }

  /**
   * botbuilder reads `value.action.type` of a card action without checking it, and puts it in a
   * template string; a missing action, or a `type` that is not a string (e.g. an object whose
   * `toString` is not a function), failed the whole turn with a 501 and an apology. Both are bad requests.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    const action = value ? (value as { action?: unknown }).action : undefined;
    const wellFormed = typeof action === "object" && action !== null && typeof (action as { type?: unknown }).type === "string";
    if (name === "adaptiveCard/action" && value && !wellFormed) {
      const body = { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message: "Malformed action" } };
      return { status: 400, body };
    }
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb;
    const locale = context.activity.locale;
    if (verb === SUBMIT_REQUEST_VERB) {
      const card = await submitRequestFromCard(context, invokeValue.action.data, {
        requests: this.options.requests,
        logger: this.options.logger,
        sendEmergencyBlock: (risk) => this.sendEmergencyBlock(context, risk),
        privateChatCard: () => this.privateChatCard(context),
        namedSupporters: (tenantId) => this.options.supporters.listed(tenantId),
        afterStored: async (tenantId, request) => {
          // The request is safely stored; a failed notification must not undo the confirmation.
          const outcome = await notifySupporters(tenantId, request, this.routing(), locale).catch(() => {
            this.options.logger.error({ event: "requests.notify_failed" }, "notify failed");
            return NOBODY_REACHED;
          });
          return outcome.onDutyNotified > 0 ? "on_duty" : outcome.fallbackNotified > 0 ? "everyone" : "nobody";
        },
      });
      return cardResponse(card);
    }
    const actor = identityOf(context.activity);
    if (!actor) return cardResponse(helpCard(botMessages(locale)));
    // In a channel or group chat only content-free cards may come back: everyone there sees them.
    const where = isPersonalChat(context) ? "personal" : "shared";
    if (verb === CLAIM_REQUEST_VERB) return cardResponse(await claimRequest(actor, invokeValue.action.data, this.routing(), locale, where));
    if (verb === REFRESH_REQUEST_VERB)
      return cardResponse(await refreshedRequestCard(actor, invokeValue.action.data, this.routing(), locale, where));
    if (where === "shared") return cardResponse(this.privateChatCard(context));
    if (verb === REQUEST_ACTION_VERB)
      return cardResponse(await changeRequestStatus(actor, invokeValue.action.data, this.routing(), locale));
    if (verb === REQUEST_DETAILS_VERB) return cardResponse(await this.requestDetails(context, actor, invokeValue.action.data));
    if (verb === RELAY_VERB) {
      return cardResponse(
        await relayMessage(actor, invokeValue.action.data, this.routing(), (risk) => this.sendEmergencyBlock(context, risk), locale),
      );
    }
    return cardResponse(helpCard(botMessages(locale)));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? "";
    const risk = assessRisk(withoutMentions(text), context.activity.locale);
    // Outside a one-to-one chat the text is neither stored nor logged: only a pointer to privacy.
    // Crisis words get the emergency block in the writer's private chat, and the group the same
    // pointer as ever, so nobody there can tell this message apart.
    if (!isPersonalChat(context)) {
      if (risk.level === "crisis") await this.sendEmergencyBlockPrivately(context, risk);
      else if (await setSupportersChannel(context, text, this.options)) return;
      this.options.logger.info({ event: "bot.message.outside_personal", risk: risk.level }, "pointed to private chat");
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(this.privateChatCard(context))));
      return;
    }
    await this.sendEmergencyBlock(context, risk);
    const command = normaliseCommand(text);
    const messages = botMessages(context.activity.locale);
    await this.rememberContact(context);
    if (await handleSupporterCommand(context, command, { ...this.options, now: () => this.now() })) return;
    // "ask <name>" comes from "Ask this person" in the tab's supporters' directory.
    if (command.startsWith("ask ") && risk.level !== "crisis") {
      const named = await this.namedSupporters(context);
      const asked = named.find((supporter) => normaliseCommand(supporter.displayName) === command.slice(4).trim());
      if (asked)
        return this.sendCard(
          context,
          requestFormCard(messages, { preference: "specific", preferredSupporterId: asked.userId }, undefined, named),
        );
    }
    const kind = HELP_COMMANDS.has(command)
      ? "help"
      : TALK_COMMANDS.has(command)
        ? "talk"
        : command === "my requests"
          ? "my_requests"
          : command === "resources"
            ? "resources"
            : "free_text";
    this.options.logger.info({ event: "bot.message", command: kind, risk: risk.level }, "message received");
    switch (kind) {
      case "help":
        return this.sendCard(context, helpCard(messages, this.resourcesUrl()));
      case "talk":
        if (risk.level === "crisis" && (await this.raiseCrisisAlert(context, risk))) return;
        return this.sendCard(
          context,
          requestFormCard(messages, {}, risk.level === "crisis" ? { kind: "crisis" } : undefined, await this.namedSupporters(context)),
        );
      case "my_requests":
        return this.sendMyRequests(context);
      case "resources":
        if (risk.level !== "crisis")
          await this.sendCard(context, emergencyCard(messages, context.activity.locale, await this.crisisLines(context)));
        await context.sendActivity(this.resourcesUrl() ? `${messages.resourcesIntro} ${this.resourcesUrl()}` : messages.resourcesIntro);
        return;
      default:
        if (risk.level === "crisis" && (await this.raiseCrisisAlert(context, risk))) return;
        // Free text starts a request: the form comes back with the words already in it.
        return this.sendCard(
          context,
          requestFormCard(
            messages,
            { text: text.slice(0, 2000) },
            risk.level === "crisis" ? { kind: "crisis" } : undefined,
            await this.namedSupporters(context),
          ),
        );
    }
  }

  private async namedSupporters(context: TurnContext): Promise<{ userId: string; displayName: string }[]> {
    const identity = identityOf(context.activity);
    return identity
      ? (await this.options.supporters.listed(identity.tenantId)).filter((supporter) => supporter.userId !== identity.userId)
      : [];
  }

  private routing(): RoutingDependencies {
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

  private async rememberContact(context: TurnContext): Promise<void> {
    const identity = identityOf(context.activity);
    if (!identity || !this.options.contacts) return;
    const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as JsonObject;
    await this.options.contacts.remember(identity.tenantId, identity.userId, { ...reference, locale: context.activity.locale ?? null });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async raiseCrisisAlert(context: TurnContext, risk: RiskAssessment): Promise<boolean> {
    const card = await crisisAlertCard(context.activity, risk, this.routing());
    if (card) await this.sendCard(context, card);
    return Boolean(card);
  }

  /** The requester's own view of one request and its trail; anyone else is told it does not exist. */
  private async requestDetails(context: TurnContext, actor: { tenantId: string; userId: string }, data: unknown): Promise<AdaptiveCard> {
    const messages = botMessages(context.activity.locale);
    const code = (data as { code?: unknown } | null)?.code;
    // Whether the person is a supporter does not matter here: only the requester sees this card.
    const found = isReferenceCode(code)
      ? await this.options.requests.getFor(actor.tenantId, code, { ...actor, isSupporter: false })
      : undefined;
    if (found?.standing !== "requester") return noticeCard(messages.requestNotFound);
    const { request } = found;
    await this.options.requests.recordView(actor.tenantId, request.referenceCode, actor.userId);
    const trail = requesterAuditView(request, await this.options.requests.auditTrail(actor.tenantId, request.referenceCode));
    return requestDetailsCard(messages, requesterRequestView(request), trail, context.activity.locale, context.activity.localTimezone);
  }

  private async sendMyRequests(context: TurnContext): Promise<void> {
    const messages = botMessages(context.activity.locale);
    const identity = identityOf(context.activity);
    if (!identity) {
      await context.sendActivity(messages.identityUnknown);
      return;
    }
    // The newest page is plenty for a card; the tab lists the rest.
    const { requests } = await this.options.requests.listForRequester(identity.tenantId, identity.userId);
    const summaries = requests.map((request) => requestSummaryView(request, identity.userId));
    await this.sendCard(context, myRequestsCard(messages, summaries, context.activity.locale, context.activity.localTimezone));
  }

  /** Crisis language gets the emergency contacts first, before any other reply. */
  private async sendEmergencyBlock(context: TurnContext, risk: RiskAssessment): Promise<void> {
    if (risk.level !== "crisis") return;
    this.options.logger.warn({ event: "bot.crisis_language", reasons: risk.reasons }, "emergency block sent");
    await this.sendCard(
      context,
      emergencyCard(botMessages(context.activity.locale), context.activity.locale, await this.crisisLines(context)),
    );
  }

  /** From a group chat or channel: to the writer's one-to-one chat, never where the group would see it. */
  private async sendEmergencyBlockPrivately(context: TurnContext, risk: RiskAssessment): Promise<void> {
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
  private async crisisLines(context: TurnContext): Promise<readonly CrisisLine[] | undefined> {
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

  private async sendWelcome(context: TurnContext): Promise<void> {
    const messages = botMessages(context.activity.locale);
    await this.sendCard(context, helpCard(messages, this.resourcesUrl()));
    await this.sendCard(context, emergencyCard(messages, context.activity.locale, await this.crisisLines(context)));
  }

  private privateChatCard(context: TurnContext): AdaptiveCard {
    const messages = botMessages(context.activity.locale);
    const botId = this.options.botId ?? context.activity.recipient.id;
    const chatLink = `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId.replace(/^28:/, ""))}`;
    return {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body: [{ type: "TextBlock", text: messages.privateChatOnly, wrap: true }],
      actions: [{ type: "Action.OpenUrl", title: messages.privateChatAction, url: chatLink }],
    };
  }

  private resourcesUrl(): string | undefined {
    return this.options.tabEndpoint ? new URL("/personal/resources", this.options.tabEndpoint).toString() : undefined;
  }

  private async sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
}
