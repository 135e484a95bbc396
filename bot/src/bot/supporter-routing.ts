import {
  hasRole,
  isReferenceCode,
  nameSharedWith,
  requestSummaryView,
  supporterRequestView,
  type RequestAction,
} from "../../../shared/index.js";
import type { SupporterRosterService } from "../supporters/supporter-roster-service.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { Logger } from "../logger.js";
import type { RequestService, StoredHelpRequest } from "../requests/request-service.js";
import type { SupporterRegistry } from "../requests/supporter-registry.js";
import type { JsonObject } from "../storage/document-store.js";
import { botMessages, format } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { claimedRequestCard, MAX_REFRESH_USERS, newRequestCard, noticeCard, statusLabel } from "./cards/supporter-cards.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import type { SupportersChannel } from "../requests/supporters-channel.js";
import { textWithComposerCard } from "./cards/relay-cards.js";

export interface RoutingDependencies {
  requests: RequestService;
  supporters: SupporterRegistry;
  roles: RoleDirectory;
  messenger: ProactiveMessenger;
  logger: Logger;
  now: () => Date;
  supportersChannel?: SupportersChannel;
  /** Caseload caps: supporters at theirs are not told about new requests. */
  roster?: Pick<SupporterRosterService, "withRoom">;
}

/** What notifySupporters actually delivered, so the person can be told the truth. Counts only, no names. */
export interface NotifyOutcome {
  /** Supporters told in their personal chat: those on duty, and one asked for by name. */
  onDutyNotified: number;
  /** With nobody on duty, a crisis goes to every rostered supporter and admin: how many of them were reached. */
  fallbackNotified: number;
  /** Posts in the supporters' channel that went through. */
  channelNotified: number;
  /** Sends that were attempted and failed. */
  failed: number;
}

export const NOBODY_REACHED: NotifyOutcome = { onDutyNotified: 0, fallbackNotified: 0, channelNotified: 0, failed: 0 };

/**
 * Tells every on-duty supporter (never the requester) that a request is waiting. No content, no name.
 * A crisis that reaches nobody on duty goes at once to every rostered supporter and admin the bot can reach.
 */
export async function notifySupporters(
  tenantId: string,
  request: StoredHelpRequest,
  deps: RoutingDependencies,
  locale?: string,
): Promise<NotifyOutcome> {
  const onDuty = await deps.supporters.onDuty(tenantId);
  // A supporter asked for by name hears about it even when off duty.
  const preferred = request.preferredSupporterId ? await deps.supporters.get(tenantId, request.preferredSupporterId) : undefined;
  const everyone = preferred && !onDuty.some((supporter) => supporter.userId === preferred.userId) ? [...onDuty, preferred] : onDuty;
  const candidates = everyone.filter((supporter) => supporter.userId !== request.requesterId && supporter.conversationReference);
  const supportersNow = [];
  for (const candidate of candidates) {
    if (hasRole(await deps.roles.rolesOf(tenantId, candidate.userId), "supporter")) supportersNow.push(candidate);
  }
  // The cap protects supporters from overload, but a crisis reaches everyone on duty regardless.
  const stillSupporters = deps.roster && request.urgency !== "crisis" ? await deps.roster.withRoom(tenantId, supportersNow) : supportersNow;
  const refreshFor = stillSupporters
    .map((supporter) => String((supporter.conversationReference?.user as JsonObject | undefined)?.id ?? ""))
    .filter(Boolean);
  // Each reader gets their own view: the supporter asked for by name is told so, nobody else is.
  const cardFor = (readerId = "") =>
    newRequestCard(botMessages(locale), requestSummaryView(request, readerId), deps.now(), locale, refreshFor);
  const channel = await deps.supportersChannel?.get(tenantId);
  const personal = await sendAll(
    deps,
    stillSupporters.map((supporter) => ({
      userId: supporter.userId,
      reference: supporter.conversationReference!,
      card: cardFor(supporter.userId),
    })),
  );
  const channelResult = channel ? await sendAll(deps, [{ userId: "", reference: channel, card: cardFor() }]) : { delivered: [], failed: 0 };
  const outcome: NotifyOutcome = {
    onDutyNotified: personal.delivered.length,
    fallbackNotified: 0,
    channelNotified: channelResult.delivered.length,
    failed: personal.failed + channelResult.failed,
  };
  if (request.urgency === "crisis" && outcome.onDutyNotified === 0) {
    const fallback = await sendAll(
      deps,
      (await everyoneWhoCanHelp(tenantId, request.requesterId, deps)).map((contact) => ({
        userId: contact.userId,
        reference: contact.conversationReference!,
        card: cardFor(contact.userId),
      })),
    );
    outcome.fallbackNotified = fallback.delivered.length;
    outcome.failed += fallback.failed;
  }
  deps.logger.info(
    {
      event: "requests.supporters_notified",
      notified: outcome.onDutyNotified + outcome.fallbackNotified + outcome.channelNotified,
      onDutyNotified: outcome.onDutyNotified,
      fallbackNotified: outcome.fallbackNotified,
      channelNotified: outcome.channelNotified,
      failed: outcome.failed,
      urgency: request.urgency,
    },
    "supporters notified",
  );
  if (stillSupporters.length === 0)
    deps.logger.warn({ event: "requests.no_supporter_on_duty", urgency: request.urgency }, "no supporter on duty");
  return outcome;
}

/** Every rostered supporter and admin the bot can reach, on duty or not, except the requester. */
async function everyoneWhoCanHelp(tenantId: string, requesterId: string, deps: RoutingDependencies) {
  const contacts = [];
  for (const contact of await deps.supporters.all(tenantId)) {
    if (contact.userId === requesterId || !contact.conversationReference) continue;
    const roles = await deps.roles.rolesOf(tenantId, contact.userId);
    if (hasRole(roles, "supporter") || hasRole(roles, "admin")) contacts.push(contact);
  }
  return contacts;
}

async function sendAll(
  deps: RoutingDependencies,
  deliveries: { userId: string; reference: JsonObject; card: AdaptiveCard }[],
): Promise<{ delivered: string[]; failed: number }> {
  const results = await Promise.allSettled(deliveries.map(({ reference, card }) => deps.messenger.sendCard(reference, card)));
  const delivered = deliveries.filter((_delivery, index) => results[index]?.status === "fulfilled").map((delivery) => delivery.userId);
  return { delivered, failed: results.length - delivered.length };
}

export interface Actor {
  tenantId: string;
  userId: string;
  displayName?: string;
}

/** A supporter pressed Claim. Exactly one wins; the winner gets the request, the requester is told. */
export async function claimRequest(
  actor: Actor,
  data: unknown,
  deps: RoutingDependencies,
  locale?: string,
  where: "personal" | "shared" = "personal",
): Promise<AdaptiveCard> {
  const messages = botMessages(locale);
  const code = (data as { code?: unknown } | null)?.code;
  if (!isReferenceCode(code)) return noticeCard(messages.requestNotFound);
  const isSupporter = hasRole(await deps.roles.rolesOf(actor.tenantId, actor.userId), "supporter");
  const result = await deps.requests.act(actor.tenantId, code, "claim", { userId: actor.userId, isSupporter });
  if (!result.ok) {
    deps.logger.info({ event: "requests.claim_refused", refusal: result.refusal }, "claim refused");
    if (result.refusal === "not_found") return noticeCard(messages.requestNotFound);
    if (result.refusal === "already_claimed" || result.refusal === "illegal_transition") {
      const current = await deps.requests.get(actor.tenantId, code);
      return current
        ? newRequestCard(messages, requestSummaryView(current, actor.userId), deps.now(), locale)
        : noticeCard(messages.requestNoLongerOpen);
    }
    return noticeCard(messages.claimRefused);
  }
  deps.logger.info({ event: "requests.claimed", urgency: result.request.urgency }, "request claimed");
  await announceChange(actor, result.request, "claim", deps, locale);
  await tellOthersWhenTooManyToRefresh(actor, code, deps, locale);
  const claimerView = supporterRequestView(result.request, actor.userId);
  // The claimed card shows the requester's words (and name, if shared): a view, on their trail.
  await deps.requests.recordView(actor.tenantId, code, actor.userId);
  if (where === "personal") return claimedRequestCard(messages, claimerView);
  // Claimed from the supporters' channel: the content goes to the claimer's private chat only.
  const claimer = await deps.supporters.get(actor.tenantId, actor.userId);
  if (claimer?.conversationReference) {
    await deps.messenger.sendCard(claimer.conversationReference, claimedRequestCard(messages, claimerView)).catch(() => undefined);
  }
  return newRequestCard(messages, requestSummaryView(result.request, ""), deps.now(), locale);
}

/**
 * Teams refreshes a card by itself for at most 60 listed users. With more supporters on duty, the
 * others get a short updated message instead, so nobody rushes to claim a request already taken.
 */
async function tellOthersWhenTooManyToRefresh(actor: Actor, code: string, deps: RoutingDependencies, locale?: string): Promise<void> {
  const others = (await deps.supporters.onDuty(actor.tenantId)).filter(
    (supporter) => supporter.userId !== actor.userId && supporter.conversationReference,
  );
  if (others.length <= MAX_REFRESH_USERS) return;
  const text = format(botMessages(locale).claimedUpdate, { code });
  await Promise.allSettled(others.map((supporter) => deps.messenger.sendText(supporter.conversationReference!, text)));
}

/** The card as it stands now, for Teams' automatic refresh of every supporter's copy. */
export async function refreshedRequestCard(
  actor: Actor,
  data: unknown,
  deps: RoutingDependencies,
  locale?: string,
  where: "personal" | "shared" = "personal",
): Promise<AdaptiveCard> {
  const messages = botMessages(locale);
  const code = (data as { code?: unknown } | null)?.code;
  // The role is read whatever the code, so a stranger's answer costs what a missing request's does.
  const isSupporter = hasRole(await deps.roles.rolesOf(actor.tenantId, actor.userId), "supporter");
  const found = isReferenceCode(code) ? await deps.requests.getFor(actor.tenantId, code, { userId: actor.userId, isSupporter }) : undefined;
  // These are supporters' cards: the requester has no use for them, anyone else may not see them.
  if (!found || found.standing === "requester") return noticeCard(messages.requestNotFound);
  if (where === "personal" && found.standing === "claimer") {
    // Teams asks for this each time the claimer's client shows the card: each time is a view.
    await deps.requests.recordView(actor.tenantId, found.request.referenceCode, actor.userId);
    return claimedRequestCard(messages, supporterRequestView(found.request, actor.userId));
  }
  // In a shared channel the card is seen by everyone there, so it is nobody's own view.
  return newRequestCard(messages, requestSummaryView(found.request, where === "personal" ? actor.userId : ""), deps.now(), locale);
}

async function tellRequester(request: StoredHelpRequest, claimer: Actor, deps: RoutingDependencies, locale?: string): Promise<void> {
  if (!request.conversationReference) return;
  const messages = botMessages(locale);
  // An anonymous requester is told "a peer supporter", so the two sides stay symmetric.
  const named = nameSharedWith(request, claimer.userId) && Boolean(claimer.displayName);
  const template = named ? messages.requesterClaimedNamed : messages.requesterClaimedAnonymous;
  const values = { code: request.referenceCode, ...(named ? { name: claimer.displayName! } : {}) };
  try {
    await deps.messenger.sendCard(
      request.conversationReference,
      textWithComposerCard(messages, request.referenceCode, template, messages.relaySendToSupporter, values),
    );
  } catch {
    deps.logger.warn({ event: "requests.requester_unreachable" }, "could not tell the requester");
  }
}

const ACTIONS_FROM_CARDS = ["release", "start_conversation", "refer", "resolve", "withdraw"] as const;
type CardAction = (typeof ACTIONS_FROM_CARDS)[number];

/**
 * A status change pressed on a card, by the claimer or (withdraw) the requester. The other side
 * is told, and the card that comes back shows the new state.
 */
export async function changeRequestStatus(actor: Actor, data: unknown, deps: RoutingDependencies, locale?: string): Promise<AdaptiveCard> {
  const messages = botMessages(locale);
  const { code, action } = (data ?? {}) as { code?: unknown; action?: unknown };
  if (!isReferenceCode(code) || !ACTIONS_FROM_CARDS.includes(action as CardAction)) return noticeCard(messages.requestNotFound);
  const isSupporter = hasRole(await deps.roles.rolesOf(actor.tenantId, actor.userId), "supporter");
  const result = await deps.requests.act(actor.tenantId, code, action as CardAction, { userId: actor.userId, isSupporter });
  if (!result.ok) {
    const refusalText = {
      not_found: messages.requestNotFound,
      not_claimer: messages.refusalNotClaimer,
      not_requester: messages.refusalNotRequester,
    }[result.refusal as string];
    return noticeCard(refusalText ?? messages.refusalIllegal);
  }
  const request = result.request;
  await announceChange(actor, request, action as CardAction, deps, locale);
  if (action === "withdraw") return noticeCard(format(messages.withdrawnNotice, { code }));
  if (request.status === "open") return noticeCard(format(messages.releasedNotice, { code }));
  return claimedRequestCard(messages, supporterRequestView(request, actor.userId));
}

/**
 * Tells the other side about a status change, whichever surface made it (bot card, tab or erasure):
 * the requester hears about every step; when the requester withdraws, the claimer hears, or, for a
 * request nobody had taken yet, every supporter on duty, so nobody tries to claim it.
 */
export async function announceChange(
  actor: Actor,
  request: StoredHelpRequest,
  action: RequestAction,
  deps: RoutingDependencies,
  locale?: string,
): Promise<void> {
  const messages = botMessages(locale);
  const code = request.referenceCode;
  deps.logger.info({ event: "requests.status_changed", action, status: request.status }, "request status changed");
  if (action === "claim") return tellRequester(request, actor, deps, locale);
  if (action === "withdraw") return tellSupportersWithdrawn(actor.tenantId, request, deps, locale);
  if (request.conversationReference) {
    const status = statusLabel(messages, request);
    await deps.messenger
      .sendText(request.conversationReference, format(messages.statusChangedForRequester, { code, status }))
      .catch(() => undefined);
  }
}

/** The withdrawal, without the request's words: to its claimer, or to everyone on duty while it was still waiting. */
async function tellSupportersWithdrawn(tenantId: string, request: StoredHelpRequest, deps: RoutingDependencies, locale?: string) {
  const messages = botMessages(locale);
  const code = request.referenceCode;
  if (request.claimedBy) {
    const claimer = await deps.supporters.get(tenantId, request.claimedBy);
    if (claimer?.conversationReference)
      await deps.messenger.sendText(claimer.conversationReference, format(messages.withdrawnForSupporter, { code })).catch(() => undefined);
    return;
  }
  const onDuty = (await deps.supporters.onDuty(tenantId)).filter(
    (supporter) => supporter.userId !== request.requesterId && supporter.conversationReference,
  );
  const text = format(messages.withdrawnBeforeClaim, { code });
  await Promise.allSettled(onDuty.map((supporter) => deps.messenger.sendText(supporter.conversationReference!, text)));
}
