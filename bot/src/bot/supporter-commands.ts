import { TurnContext } from "botbuilder";
import { hasRole, requestSummaryView, type Role } from "../../../shared/index.js";
import type { JsonObject } from "../storage/document-store.js";
import type { BotServices } from "./bot-services.js";
import { queueCard } from "./cards/supporter-cards.js";
import type { CommandTurn, Identity } from "./commands/registry-types.js";

const referenceOf = (context: TurnContext) =>
  JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as JsonObject;

/**
 * Supporters are reached for new requests, and admins when a response target is missed, so the bot
 * keeps the address of each the first time they write to it in personal chat.
 */
export async function rememberStaffContact(context: TurnContext, identity: Identity, roles: readonly Role[], services: BotServices) {
  if (!hasRole(roles, "supporter") && !hasRole(roles, "admin")) return;
  const { supporters } = services.options;
  if (!(await supporters.get(identity.tenantId, identity.userId))?.conversationReference) {
    await supporters.remember(identity.tenantId, identity.userId, referenceOf(context));
  }
}

/** `list me` / `unlist me`: whether colleagues can ask for this supporter by name in the form. */
export function setListed(listed: boolean) {
  return async ({ context, identity, messages, services }: CommandTurn): Promise<void> => {
    if (!identity) return;
    await services.options.supporters.setListed(identity.tenantId, identity.userId, listed, context.activity.from.name);
    await context.sendActivity(listed ? messages.listedConfirmed : messages.unlistedConfirmed);
  };
}

/** `on duty` / `off duty`: whether new requests come to this supporter. */
export function setOnDuty(onDuty: boolean) {
  return async ({ context, identity, messages, services }: CommandTurn): Promise<void> => {
    if (!identity) return;
    await services.options.supporters.setOnDuty(identity.tenantId, identity.userId, onDuty, referenceOf(context));
    await context.sendActivity(onDuty ? messages.onDutyConfirmed : messages.offDutyConfirmed);
  };
}

/** One bounded page of open requests, most urgent first: a card cannot hold a long queue, and the tab pages through it. */
export async function sendQueue({ context, identity, messages, services }: CommandTurn): Promise<void> {
  if (!identity) return;
  const open = (await services.options.requests.activeRequests(identity.tenantId)).requests.filter((request) => request.status === "open");
  const others = open.filter((request) => request.requesterId !== identity.userId);
  const summaries = others.map((request) => requestSummaryView(request, identity.userId));
  await services.sendCard(context, queueCard(messages, summaries, services.now(), context.activity.locale));
}

/** `set supporters channel`, said by an admin in a team channel, makes that channel get every new request card. */
export async function setSupportersChannel({ context, identity, messages, services }: CommandTurn): Promise<void> {
  const { supportersChannel } = services.options;
  if (!identity || !supportersChannel) {
    await context.sendActivity(messages.adminOnly);
    return;
  }
  await supportersChannel.set(identity.tenantId, referenceOf(context), identity.userId);
  await context.sendActivity(messages.supportersChannelSet);
}
