import type { TurnContext } from "botbuilder";
import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse } from "botbuilder";
import { assessRisk, hasRole, type Role } from "../../../shared/index.js";
import { adoptClientLocale, identityOf, isPersonalChat, normaliseCommand, scopeOf } from "./activity-identity.js";
import { botMessages } from "./bot-messages.js";
import { BotServices, type PeerCirclesBotOptions } from "./bot-services.js";
import { emergencyCard } from "./cards/emergency-card.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { helpCard } from "./cards/help-card.js";
import { findCommand, findVerb, FREE_TEXT_HANDLER } from "./commands/command-registry.js";
import { RESOURCES_PATH } from "./commands/conversation-commands.js";
import type { BotCommand, CommandTurn } from "./commands/registry-types.js";
import { withoutMentions } from "./private-emergency-delivery.js";
import { rememberStaffContact } from "./supporter-commands.js";

export { isPersonalChat, normaliseCommand };
export type { PeerCirclesBotOptions };

const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/**
 * The bot's conversation. Every text is screened for crisis language before anything else; what it
 * then does comes from the command registry. It keeps no state of its own between turns: everything
 * lasting goes through the store.
 */
export class PeerCirclesBot extends TeamsActivityHandler {
  private readonly services: BotServices;

  constructor(private readonly options: PeerCirclesBotOptions) {
    super();
    this.services = new BotServices(options);
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botWasAdded && isPersonalChat(context)) {
        await this.services.rememberContact(context);
        await this.sendWelcome(context);
      }
      await next();
    });
  }

  /** The language comes from the activity, or from Teams' clientInfo entity when the activity has none. */
  override async run(context: TurnContext): Promise<void> {
    adoptClientLocale(context.activity);
    await super.run(context);
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
    const messages = botMessages(context.activity.locale);
    const entry = findVerb(invokeValue.action?.verb);
    const actor = identityOf(context.activity);
    const scope = scopeOf(context);
    const turn = { context, scope, actor, data: invokeValue.action.data, messages, services: this.services };
    if (!entry) return cardResponse(helpCard(messages));
    if (!entry.needsIdentity) return cardResponse(await entry.handler(turn));
    if (!actor) return cardResponse(helpCard(messages));
    // In a channel or group chat only content-free cards may come back: everyone there sees them.
    if (!entry.scopes.includes(scope)) return cardResponse(this.services.privateChatCard(context));
    return cardResponse(await entry.handler({ ...turn, actor }));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? "";
    const scope = scopeOf(context);
    const command = normaliseCommand(text);
    const turn: CommandTurn = {
      context,
      scope,
      text,
      command,
      risk: assessRisk(withoutMentions(text), context.activity.locale),
      messages: botMessages(context.activity.locale),
      identity: identityOf(context.activity),
      services: this.services,
    };
    if (scope === "personal") return this.handlePersonalMessage(turn);
    // Outside a one-to-one chat the text is neither stored nor logged: only a pointer to privacy.
    // Crisis words get the emergency block in the writer's private chat, and the group the same
    // pointer as ever, so nobody there can tell this message apart.
    const entry = turn.risk.level === "crisis" ? undefined : findCommand(command, scope);
    if (turn.risk.level === "crisis") await this.services.sendEmergencyBlockPrivately(context, turn.risk);
    this.options.logger.info(
      { event: "bot.message.outside_personal", risk: turn.risk.level, ...(entry ? { command: entry.names[0] } : {}) },
      "pointed to private chat",
    );
    if (entry) return this.runCommand(entry, turn);
    await this.services.sendCard(context, this.services.privateChatCard(context));
  }

  private async handlePersonalMessage(turn: CommandTurn): Promise<void> {
    const { context, identity, risk } = turn;
    await this.services.sendEmergencyBlock(context, risk);
    await this.services.rememberContact(context);
    const roles = identity ? await this.options.roles.rolesOf(identity.tenantId, identity.userId) : [];
    if (identity) await rememberStaffContact(context, identity, roles, this.services);
    const entry = findCommand(turn.command, "personal");
    this.options.logger.info({ event: "bot.message", command: entry?.names[0] ?? "free_text", risk: risk.level }, "message received");
    if (entry) return this.runCommand(entry, turn, roles);
    await FREE_TEXT_HANDLER(turn);
  }

  /** Runs a command for someone who holds its role; others are told whom it is for. */
  private async runCommand(entry: BotCommand, turn: CommandTurn, knownRoles?: readonly Role[]): Promise<void> {
    if (entry.role !== "everyone") {
      const { identity } = turn;
      const roles = knownRoles ?? (identity ? await this.options.roles.rolesOf(identity.tenantId, identity.userId) : []);
      if (!identity || !hasRole(roles, entry.role)) {
        await turn.context.sendActivity(entry.role === "admin" ? turn.messages.adminOnly : turn.messages.supporterOnly);
        return;
      }
    }
    await entry.handler(turn);
  }

  private async sendWelcome(context: TurnContext): Promise<void> {
    const messages = botMessages(context.activity.locale);
    await this.services.sendCard(context, helpCard(messages, this.services.tabUrl(RESOURCES_PATH)));
    const lines = await this.services.crisisLines(context);
    await this.services.sendCard(context, emergencyCard(messages, context.activity.locale, lines));
  }
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: Object.fromEntries(Object.entries(card)) };
}
