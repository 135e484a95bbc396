import { assessRisk, isReferenceCode, nameSharedWith, type RiskAssessment } from "../../../shared/index.js";
import { botMessages, format, type BotMessages } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { relayedMessageCard, textWithComposerCard } from "./cards/relay-cards.js";
import { noticeCard } from "./cards/supporter-cards.js";
import type { Actor, RoutingDependencies } from "./supporter-routing.js";

export const MAX_RELAY_MESSAGE = 2000;

export type RelayOutcome = "sent" | RelayRefusal;
/** Why a relayed message was not delivered; routes turn each into an HTTP answer (http/refusal-tables.ts). */
export type RelayRefusal = "not_found" | "empty" | "not_claimed_yet" | "closed" | "unreachable";

/**
 * Passes a message between a requester and the supporter who took their request, from a bot card
 * or the tab alike. The requester appears only as "Requester <code>"; the text is screened first
 * and is not stored anywhere. Callers show `risk` (the emergency block) before anything else.
 */
export async function deliverRelay(
  actor: Actor,
  code: string,
  message: string,
  deps: RoutingDependencies,
  locale?: string,
): Promise<{ outcome: RelayOutcome; risk: RiskAssessment; fromRequester: boolean }> {
  const risk = assessRisk(message, locale);
  const request = isReferenceCode(code) ? await deps.requests.get(actor.tenantId, code) : undefined;
  const fromRequester = request?.requesterId === actor.userId;
  if (!request || (!fromRequester && request.claimedBy !== actor.userId)) return { outcome: "not_found", risk, fromRequester };
  const text = message.trim();
  if (!text || text.length > MAX_RELAY_MESSAGE) return { outcome: "empty", risk, fromRequester };
  if (request.status === "open") return { outcome: "not_claimed_yet", risk, fromRequester };
  if (request.status !== "claimed" && request.status !== "in_conversation") return { outcome: "closed", risk, fromRequester };

  const messages = botMessages(locale);
  const target = fromRequester
    ? (await deps.supporters.get(actor.tenantId, request.claimedBy!))?.conversationReference
    : request.conversationReference;
  const fromLabel = fromRequester
    ? format(messages.relayLabelRequester, { code })
    : !nameSharedWith(request, actor.userId) || !actor.displayName
      ? messages.relayLabelSupporter
      : actor.displayName;
  const replyTitle = fromRequester ? messages.relaySendToRequester : messages.relaySendToSupporter;
  try {
    if (!target) throw new Error("no conversation with the other side");
    await deps.messenger.sendCard(target, relayedMessageCard(messages, code, fromLabel, text, replyTitle));
  } catch {
    deps.logger.warn({ event: "requests.relay_failed" }, "relay failed");
    return { outcome: "unreachable", risk, fromRequester };
  }
  await deps.requests.recordRelay(actor.tenantId, code, actor.userId);
  deps.logger.info({ event: "requests.relayed", direction: fromRequester ? "to_supporter" : "to_requester" }, "message relayed");
  return { outcome: "sent", risk, fromRequester };
}

/** The bot card's Send button: the outcome as the card that replaces the composer. */
export async function relayMessage(
  actor: Actor,
  data: unknown,
  deps: RoutingDependencies,
  sendEmergencyBlock: (risk: RiskAssessment) => Promise<void>,
  locale?: string,
): Promise<AdaptiveCard> {
  const messages = botMessages(locale);
  const { code, message } = (data ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return noticeCard(messages.requestNotFound);
  const text = typeof message === "string" ? message : "";
  await sendEmergencyBlock(assessRisk(text, locale));
  const { outcome, fromRequester } = await deliverRelay(actor, code, text, deps, locale);
  return outcomeCard(messages, code, outcome, fromRequester ? messages.relaySendToSupporter : messages.relaySendToRequester);
}

function outcomeCard(messages: BotMessages, code: string, outcome: RelayOutcome, composerTitle: string): AdaptiveCard {
  switch (outcome) {
    case "not_found":
      return noticeCard(messages.requestNotFound);
    case "closed":
      return noticeCard(messages.relayClosed);
    case "empty":
      return textWithComposerCard(messages, code, messages.relayEmpty, composerTitle);
    case "not_claimed_yet":
      return textWithComposerCard(messages, code, messages.relayNotYet, composerTitle);
    case "unreachable":
      return textWithComposerCard(messages, code, messages.relayUnreachable, composerTitle);
    case "sent":
      return textWithComposerCard(messages, code, messages.relaySent, composerTitle);
  }
}
