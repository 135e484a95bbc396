import type { RequestSummaryView, SupporterRequestView } from "../../../../shared/index.js";
import { format, type BotMessages } from "../bot-messages.js";
import {
  actionSet,
  adaptiveCard,
  column,
  columnSet,
  executeAction,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardAction,
} from "./adaptive-card.js";
import { categoryLabel, statusLabel, urgencyLabel } from "./labels.js";

export { categoryLabel, statusLabel, urgencyLabel };
import { relayComposer } from "./relay-cards.js";
import { formatCardText, userText } from "./user-text.js";

export const CLAIM_REQUEST_VERB = "claimRequest";
export const REFRESH_REQUEST_VERB = "refreshRequestCard";
export const REQUEST_ACTION_VERB = "requestAction";

/** What a card may read of a request: the reader's projection (shared/requests/request-views), never the stored request. */
type OfferedRequest = Pick<RequestSummaryView, "referenceCode" | "category" | "urgency" | "status" | "crisis" | "createdAt" | "askedFor">;
type TakenRequest = Pick<
  SupporterRequestView,
  "referenceCode" | "category" | "urgency" | "status" | "contact" | "anonymous" | "requesterName" | "text"
>;
/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

export function ageOf(createdAt: string, now: Date, locale: string | undefined): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(createdAt)) / 60_000));
  const format = new Intl.RelativeTimeFormat(locale ?? "en", { numeric: "auto", style: "short" });
  if (minutes < 60) return format.format(-minutes, "minute");
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), "hour");
  return format.format(-Math.round(minutes / 1440), "day");
}

/**
 * What every on-duty supporter sees: category, urgency, reference and age, and a Claim button.
 * Never the requester's words or name.
 */
export function newRequestCard(
  messages: BotMessages,
  /** The reader's own view, so the supporter asked for by name is told so. */
  request: OfferedRequest,
  now: Date,
  locale: string | undefined,
  refreshFor: readonly string[] = [],
): AdaptiveCard {
  const open = request.status === "open";
  const askedNote = request.askedFor
    ? [
        textBlock({
          text: request.askedFor === "you" ? messages.askedForYou : messages.askedForSomeone,
          wrap: true,
          weight: "Bolder",
        }),
      ]
    : [];
  return adaptiveCard({
    refresh:
      refreshFor.length > 0 && refreshFor.length <= MAX_REFRESH_USERS
        ? { action: executeAction({ verb: REFRESH_REQUEST_VERB, data: { code: request.referenceCode } }), userIds: [...refreshFor] }
        : undefined,
    body: [
      textBlock({
        text: request.crisis ? messages.newRequestCrisisTitle : messages.newRequestTitle,
        size: "Large",
        weight: "Bolder",
        color: request.crisis ? "Attention" : "Default",
        wrap: true,
        style: "heading",
      }),
      factSet({
        facts: [
          { title: messages.newRequestFacts, value: request.referenceCode },
          { title: messages.factCategory, value: categoryLabel(messages, request) },
          { title: messages.factUrgency, value: urgencyLabel(messages, request) },
          { title: messages.factAge, value: ageOf(request.createdAt, now, locale) },
        ],
      }),
      ...askedNote,
      ...(open ? [] : [textBlock({ text: messages.alreadyClaimed, wrap: true, weight: "Bolder" })]),
    ],
    actions: open
      ? [executeAction({ verb: CLAIM_REQUEST_VERB, title: messages.claimAction, style: "positive", data: { code: request.referenceCode } })]
      : undefined,
  });
}

/** The sweeper's reminder of a request nobody has answered in time: the same card under an overdue line. */
export function overdueRequestCard(messages: BotMessages, request: OfferedRequest, now: Date): AdaptiveCard {
  const card = newRequestCard(messages, request, now, undefined);
  return { ...card, body: [textBlock({ text: messages.overdueTitle, color: "Attention", weight: "Bolder", wrap: true }), ...card.body] };
}

/** Only the claimer gets the request itself, in their personal chat. */
export function claimedRequestCard(messages: BotMessages, request: TakenRequest): AdaptiveCard {
  const active = request.status === "claimed" || request.status === "in_conversation";
  const composer = active ? relayComposer(messages, request.referenceCode, messages.relaySendToRequester) : undefined;
  const contact = { chat: messages.contactChat, call: messages.contactCall, meet: messages.contactMeet }[request.contact];
  return adaptiveCard({
    body: [
      textBlock({
        text: format(messages.claimedByYouTitle, { code: request.referenceCode }),
        size: "Large",
        weight: "Bolder",
        wrap: true,
        style: "heading",
      }),
      textBlock({ text: format(messages.claimedByYouBody, { contact: contact.toLowerCase() }), wrap: true }),
      factSet({
        facts: [
          { title: messages.factCategory, value: categoryLabel(messages, request) },
          { title: messages.factUrgency, value: urgencyLabel(messages, request) },
        ],
      }),
      textBlock({
        text:
          request.anonymous || !request.requesterName
            ? messages.claimedAnonymous
            : formatCardText(messages.claimedNamed, { name: request.requesterName }),
        wrap: true,
      }),
      textBlock({
        text: request.text ? format(messages.claimedText, { text: userText(request.text, { multiline: true }) }) : messages.claimedNoText,
        wrap: true,
      }),
      textBlock({
        text: format(messages.statusNowNotice, { code: request.referenceCode, status: statusLabel(messages, request) }),
        wrap: true,
        isSubtle: true,
      }),
      // The claimer can always write to the requester through the bot, anonymous or not.
      ...(composer?.body ?? []),
    ],
    actions: [...(composer?.actions ?? []), ...claimerActions(messages, request)],
  });
}

export function noticeCard(text: string): AdaptiveCard {
  return adaptiveCard({
    body: [textBlock({ text, wrap: true })],
  });
}

export function queueCard(messages: BotMessages, requests: readonly OfferedRequest[], now: Date, locale: string | undefined): AdaptiveCard {
  return adaptiveCard({
    body: [
      textBlock({ text: messages.queueTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" }),
      ...(requests.length === 0 ? [textBlock({ text: messages.queueEmpty, wrap: true })] : []),
      ...requests.map((request) =>
        columnSet({
          columns: [
            column({
              width: "stretch",
              items: [
                textBlock({
                  wrap: true,
                  color: request.crisis ? "Attention" : "Default",
                  text: format(messages.queueItem, {
                    code: request.referenceCode,
                    category: categoryLabel(messages, request),
                    urgency: urgencyLabel(messages, request),
                    age: ageOf(request.createdAt, now, locale),
                  }),
                }),
              ],
            }),
            column({
              width: "auto",
              items: [
                actionSet({
                  actions: [
                    executeAction({ verb: CLAIM_REQUEST_VERB, title: messages.claimAction, data: { code: request.referenceCode } }),
                  ],
                }),
              ],
            }),
          ],
        }),
      ),
    ],
  });
}

/** The claimer's next steps; which ones show follows the status machine in shared/. */
function claimerActions(messages: BotMessages, request: Pick<TakenRequest, "status" | "referenceCode">): CardAction[] {
  const possible: [string, string][] = [];
  if (request.status === "claimed") possible.push(["start_conversation", messages.actionStartConversation]);
  if (request.status === "claimed" || request.status === "in_conversation") {
    possible.push(["refer", messages.actionRefer], ["resolve", messages.actionResolve], ["release", messages.actionRelease]);
  }
  return possible.map(([action, title]) =>
    executeAction({
      verb: REQUEST_ACTION_VERB,
      title,
      data: { code: request.referenceCode, action },
    }),
  );
}
