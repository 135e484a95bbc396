import { assessRisk, type RiskAssessment } from "../../../shared/index.js";
import { botMessages, format } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/help-card.js";
import { relayedMessageCard, textWithComposerCard } from "./cards/relay-cards.js";
import { noticeCard } from "./cards/supporter-cards.js";
import type { Actor, RoutingDependencies } from "./supporter-routing.js";

const REFERENCE_CODE = /^PC-[2-9A-HJKMNP-Z]{6}$/;
const MAX_MESSAGE = 2000;

/**
 * Passes a message between a requester and the supporter who took their request. The requester
 * appears only as "Requester <code>"; the text is screened first and is not stored anywhere.
 */
export async function relayMessage(
  actor: Actor,
  data: unknown,
  deps: RoutingDependencies,
  sendEmergencyBlock: (risk: RiskAssessment) => Promise<void>,
  locale?: string,
): Promise<AdaptiveCard> {
  const messages = botMessages(locale);
  const { code, message } = (data ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !REFERENCE_CODE.test(code)) return noticeCard(messages.requestNotFound);
  const text = typeof message === "string" ? message.trim() : "";
  const request = await deps.requests.get(actor.tenantId, code);
  if (!request) return noticeCard(messages.requestNotFound);
  const fromRequester = request.requesterId === actor.userId;
  const fromClaimer = request.claimedBy === actor.userId;
  if (!fromRequester && !fromClaimer) return noticeCard(messages.requestNotFound);
  const ownComposerTitle = fromRequester ? messages.relaySendToSupporter : messages.relaySendToRequester;
  if (!text || text.length > MAX_MESSAGE) return textWithComposerCard(messages, code, messages.relayEmpty, ownComposerTitle);
  if (request.status === "open") return textWithComposerCard(messages, code, messages.relayNotYet, ownComposerTitle);
  if (request.status !== "claimed" && request.status !== "in_conversation") return noticeCard(messages.relayClosed);

  await sendEmergencyBlock(assessRisk(text, locale));
  const target = fromRequester
    ? (await deps.supporters.get(actor.tenantId, request.claimedBy!))?.conversationReference
    : request.conversationReference;
  if (!target) return textWithComposerCard(messages, code, messages.relayUnreachable, ownComposerTitle);
  const fromLabel = fromRequester
    ? format(messages.relayLabelRequester, { code })
    : request.anonymous || !actor.displayName
      ? messages.relayLabelSupporter
      : actor.displayName;
  const replyTitle = fromRequester ? messages.relaySendToRequester : messages.relaySendToSupporter;
  try {
    await deps.messenger.sendCard(target, relayedMessageCard(messages, code, fromLabel, text, replyTitle));
  } catch {
    deps.logger.warn({ event: "requests.relay_failed" }, "relay failed");
    return textWithComposerCard(messages, code, messages.relayUnreachable, ownComposerTitle);
  }
  await deps.requests.recordRelay(actor.tenantId, code, actor.userId);
  deps.logger.info({ event: "requests.relayed", direction: fromRequester ? "to_supporter" : "to_requester" }, "message relayed");
  return textWithComposerCard(messages, code, messages.relaySent, ownComposerTitle);
}
