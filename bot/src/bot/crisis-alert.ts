import { TurnContext, type Activity } from "botbuilder";
import type { RiskAssessment } from "../../../shared/index.js";
import type { JsonObject } from "../storage/document-store.js";
import { identityOf } from "./activity-identity.js";
import { botMessages, format } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { textWithComposerCard } from "./cards/relay-cards.js";
import { NOBODY_REACHED, notifySupporters, type NotifyOutcome, type RoutingDependencies } from "./supporter-routing.js";

/**
 * Crisis language in a private chat alerts on-duty supporters at once, without waiting for a form:
 * an anonymous crisis request that stores none of the words. One open alert per person is enough.
 * With nobody on duty the alert goes to every rostered supporter and admin, and the reply says what
 * was actually delivered.
 * Returns the card to show, or undefined when the person cannot be identified.
 */
export async function crisisAlertCard(
  activity: Partial<Activity>,
  risk: RiskAssessment,
  deps: RoutingDependencies,
): Promise<AdaptiveCard | undefined> {
  const identity = identityOf(activity);
  if (!identity) return undefined;
  const messages = botMessages(activity.locale);
  const active = await deps.requests.activeCrisisOf(identity.tenantId, identity.userId);
  if (active) {
    const text = format(messages.crisisAlreadyAlerted, { code: active.referenceCode });
    return textWithComposerCard(messages, active.referenceCode, text, messages.relaySendToSupporter);
  }
  const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as JsonObject;
  const form = { category: "wellbeing", urgency: "today", preference: "any", contact: "chat", shareName: false } as const;
  const request = await deps.requests.submit(identity, form, risk, reference);
  const outcome = await notifySupporters(identity.tenantId, request, deps, activity.locale).catch(() => {
    deps.logger.error({ event: "requests.notify_failed" }, "notify failed");
    return NOBODY_REACHED;
  });
  return textWithComposerCard(
    messages,
    request.referenceCode,
    format(messages[crisisReplyKey(outcome)], { code: request.referenceCode }),
    messages.relaySendToSupporter,
  );
}

/** The reply says what was delivered: on-duty supporters, everyone on the roster, or nobody. */
export function crisisReplyKey(outcome: NotifyOutcome): "crisisAlerted" | "crisisAlertedEveryone" | "crisisNotReached" {
  if (outcome.onDutyNotified > 0) return "crisisAlerted";
  if (outcome.fallbackNotified > 0) return "crisisAlertedEveryone";
  return "crisisNotReached";
}
