import { randomUUID } from "node:crypto";
import type { HelpRequest, RequesterAuditView, RequestSummaryView } from "../../../../shared/index.js";
import { format, type BotMessages } from "../bot-messages.js";
import { emergencyBlock } from "./emergency-card.js";
import {
  adaptiveCard,
  executeAction,
  factSet,
  inputChoiceSet,
  inputText,
  inputToggle,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from "./adaptive-card.js";
import { categoryLabel, statusLabel } from "./labels.js";
import { plainUserText } from "./user-text.js";

export const SUBMIT_REQUEST_VERB = "submitRequest";
export const REQUEST_DETAILS_VERB = "requestDetails";
/** Cards stay readable: the newest requests get buttons, older ones are listed only. */
const MAX_LISTED_ACTIONS = 5;

/** What the form shows again after a failed attempt, so nothing typed is lost. */
export interface FormValues {
  category?: string;
  urgency?: string;
  preference?: string;
  contact?: string;
  text?: string;
  shareName?: string;
  preferredSupporterId?: string;
  /** The form's one-off key; a form shown again keeps it, so sending it twice makes one request. */
  submissionId?: string;
}

export interface FormNotice {
  kind: "invalid" | "store_down" | "crisis";
  locale?: string;
  /** The store timed out on the write itself, so the request may have been saved after all. */
  uncertain?: boolean;
}

const choice = (title: string, value: string) => ({ title, value });

export interface NamedSupporter {
  userId: string;
  displayName: string;
}

export function requestFormCard(
  messages: BotMessages,
  values: FormValues = {},
  notice?: FormNotice,
  namedSupporters: readonly NamedSupporter[] = [],
): AdaptiveCard {
  const body: CardElement[] = [];
  if (notice?.kind === "store_down") {
    body.push(
      textBlock({
        text: notice.uncertain ? messages.storeSlowTitle : messages.storeDownTitle,
        weight: "Bolder",
        color: "Attention",
        size: "Medium",
        wrap: true,
        style: "heading",
      }),
      textBlock({ text: notice.uncertain ? messages.storeSlowBody : messages.storeDownBody, wrap: true }),
      ...emergencyBlock(messages, notice.locale),
    );
  }
  if (notice?.kind === "invalid") body.push(textBlock({ text: messages.formInvalid, color: "Attention", wrap: true }));
  if (notice?.kind === "crisis") body.push(textBlock({ text: messages.formCrisisNote, color: "Attention", weight: "Bolder", wrap: true }));
  body.push(
    textBlock({ text: messages.formTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" }),
    textBlock({ text: messages.formIntro, wrap: true }),
    textBlock({ text: messages.formWhoSees, wrap: true, isSubtle: true }),
    inputChoiceSet({
      id: "category",
      label: messages.formCategory,
      isRequired: true,
      errorMessage: messages.formCategory,
      style: "compact",
      value: values.category ?? "wellbeing",
      choices: [
        choice(messages.categoryWorkload, "workload"),
        choice(messages.categoryConflict, "conflict"),
        choice(messages.categoryWellbeing, "wellbeing"),
        choice(messages.categorySomethingHappened, "something_happened"),
        choice(messages.categoryOther, "other"),
      ],
    }),
    inputChoiceSet({
      id: "urgency",
      label: messages.formUrgency,
      isRequired: true,
      style: "expanded",
      value: values.urgency ?? "soon",
      choices: [choice(messages.urgencyCanWait, "can_wait"), choice(messages.urgencySoon, "soon"), choice(messages.urgencyToday, "today")],
    }),
    inputChoiceSet({
      id: "preference",
      label: messages.formPreference,
      isRequired: true,
      style: "compact",
      value: values.preference ?? "any",
      choices: [
        choice(messages.preferenceAny, "any"),
        ...(namedSupporters.length ? [choice(messages.preferenceSpecific, "specific")] : []),
        choice(messages.preferenceProfessional, "professional"),
      ],
    }),
    ...(namedSupporters.length
      ? [
          inputChoiceSet({
            id: "preferredSupporterId",
            label: messages.formPreferredSupporter,
            style: "compact",
            isRequired: false,
            ...(values.preferredSupporterId ? { value: values.preferredSupporterId } : {}),
            // A choice's title is shown as typed, so only hidden characters and line breaks go. A choice
            // needs a title to be valid (and to be seen), so a name that is nothing but those gets one.
            choices: namedSupporters.map((supporter) =>
              choice(plainUserText(supporter.displayName) || messages.formSupporterUnnamed, supporter.userId),
            ),
          }),
        ]
      : []),
    inputChoiceSet({
      id: "contact",
      label: messages.formContact,
      isRequired: true,
      style: "compact",
      value: values.contact ?? "chat",
      choices: [choice(messages.contactChat, "chat"), choice(messages.contactCall, "call"), choice(messages.contactMeet, "meet")],
    }),
    inputText({
      id: "text",
      label: messages.formText,
      placeholder: messages.formTextPlaceholder,
      isMultiline: true,
      maxLength: 2000,
      ...(values.text ? { value: values.text } : {}),
    }),
    inputToggle({
      id: "shareName",
      title: messages.formShareName,
      valueOn: "true",
      valueOff: "false",
      value: values.shareName ?? "false",
    }),
    textBlock({ text: messages.formAnonymousNote, wrap: true, isSubtle: true, size: "Small" }),
    textBlock({ text: messages.formWhatNext, wrap: true, size: "Small" }),
  );
  return adaptiveCard({
    body,
    actions: [
      executeAction({
        verb: SUBMIT_REQUEST_VERB,
        title: notice?.kind === "store_down" ? messages.retry : messages.formSubmit,
        style: "positive",
        data: { submissionId: values.submissionId ?? randomUUID() },
      }),
    ],
  });
}

/**
 * Which supporters were told, as far as the confirmation is concerned: on duty, everyone (a crisis
 * with nobody on duty), or nobody. Undefined for a form sent again: it was told the first time.
 */
export type ConfirmationReach = "on_duty" | "everyone" | "nobody";

export function requestConfirmationCard(
  messages: BotMessages,
  request: Pick<HelpRequest, "referenceCode" | "crisis">,
  reach: ConfirmationReach = "on_duty",
): AdaptiveCard {
  const body = { on_duty: messages.confirmBody, everyone: messages.confirmBodyEveryone, nobody: messages.confirmBodyNobodyTold }[reach];
  return adaptiveCard({
    body: [
      textBlock({ text: messages.confirmTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" }),
      textBlock({ text: format(body, { code: request.referenceCode }), wrap: true }),
      ...(request.crisis ? [textBlock({ text: messages.confirmCrisis, wrap: true, color: "Attention" })] : []),
    ],
  });
}

/** Dates in the reader's own locale and time zone, as Teams reports them on the activity. */
export function myRequestsCard(
  messages: BotMessages,
  requests: readonly Pick<RequestSummaryView, "referenceCode" | "category" | "status" | "createdAt">[],
  locale: string | undefined,
  timeZone: string | undefined,
): AdaptiveCard {
  const dateFormat = safeDateFormat(locale, timeZone);
  const items = requests.length
    ? requests.map((request) =>
        textBlock({
          wrap: true,
          text: format(messages.myRequestsItem, {
            code: request.referenceCode,
            category: categoryLabel(messages, request),
            status: statusLabel(messages, request),
            date: dateFormat.format(new Date(request.createdAt)),
          }),
        }),
      )
    : [textBlock({ text: messages.myRequestsEmpty, wrap: true })];
  return adaptiveCard({
    body: [textBlock({ text: messages.myRequestsTitle, size: "Large", weight: "Bolder", wrap: true, style: "heading" }), ...items],
    actions: requests.slice(0, MAX_LISTED_ACTIONS).flatMap((request) => [
      executeAction({
        verb: REQUEST_DETAILS_VERB,
        title: format(messages.actionDetails, { code: request.referenceCode }),
        data: { code: request.referenceCode },
      }),
      ...(["open", "claimed", "in_conversation"].includes(request.status)
        ? [
            executeAction({
              verb: "requestAction",
              title: format(messages.actionWithdraw, { code: request.referenceCode }),
              data: { code: request.referenceCode, action: "withdraw" },
            }),
          ]
        : []),
    ]),
  });
}

/** A request's status and its audit trail (who did what, when; never any words), for its requester. */
export function requestDetailsCard(
  messages: BotMessages,
  request: Pick<RequestSummaryView, "referenceCode" | "category" | "status">,
  trail: readonly Pick<RequesterAuditView, "action" | "at">[],
  locale: string | undefined,
  timeZone: string | undefined,
): AdaptiveCard {
  const dateFormat = safeDateFormat(locale, timeZone);
  const label = (action: string) => (messages as Record<string, string>)[`audit_${action}`] ?? action;
  return adaptiveCard({
    body: [
      textBlock({ text: request.referenceCode, size: "Large", weight: "Bolder", wrap: true, style: "heading" }),
      textBlock({ text: `${categoryLabel(messages, request)} · ${statusLabel(messages, request)}`, wrap: true }),
      textBlock({ text: messages.trailTitle, weight: "Bolder", wrap: true, spacing: "Medium" }),
      factSet({
        facts: trail.map((entry) => ({ title: dateFormat.format(new Date(entry.at)), value: label(entry.action) })),
      }),
    ],
  });
}

function safeDateFormat(locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale ?? "en", { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) });
  } catch {
    return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  }
}
