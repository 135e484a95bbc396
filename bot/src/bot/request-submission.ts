import { TurnContext } from "botbuilder";
import { assessRisk, requestFormSchema, type RiskAssessment } from "../../../shared/index.js";
import type { Logger } from "../logger.js";
import type { RequestService, StoredHelpRequest } from "../requests/request-service.js";
import type { JsonObject } from "../storage/document-store.js";
import { isStoreOutage, StoreTimeoutError } from "../storage/store-errors.js";
import { botMessages } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import {
  requestConfirmationCard,
  requestFormCard,
  type ConfirmationReach,
  type FormValues,
  type NamedSupporter,
} from "./cards/request-cards.js";
import { identityOf, isPersonalChat } from "./activity-identity.js";
import { noticeCard } from "./cards/supporter-cards.js";

export interface SubmissionDependencies {
  requests: RequestService;
  logger: Logger;
  sendEmergencyBlock(risk: RiskAssessment): Promise<void>;
  privateChatCard(): AdaptiveCard;
  /** Runs once the request is durably stored, before the confirmation goes back; says who was told. */
  afterStored?(tenantId: string, request: StoredHelpRequest): Promise<ConfirmationReach | void>;
  /** Supporters who chose to be named in the form, for the tenant. */
  namedSupporters(tenantId: string): Promise<NamedSupporter[]>;
}

const FORM_FIELDS = ["category", "urgency", "preference", "contact", "text", "shareName", "preferredSupporterId"] as const;
/** The form card's own key (see requestFormCard), not something the person typed. */
const SUBMISSION_ID_FIELD = "submissionId";
const SUBMISSION_ID_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

/**
 * The request form's submission: screen the text first, validate, store, and only then confirm.
 * Whatever goes wrong, the card that comes back keeps what the person typed.
 */
export async function submitRequestFromCard(context: TurnContext, data: unknown, deps: SubmissionDependencies): Promise<AdaptiveCard> {
  const messages = botMessages(context.activity.locale);
  const submitted = pickFormFields(data);
  const risk = assessRisk(typeof submitted.text === "string" ? submitted.text : "", context.activity.locale);
  await deps.sendEmergencyBlock(risk);
  if (!isPersonalChat(context)) return deps.privateChatCard();

  const values = displayValues(submitted);
  const identity = identityOf(context.activity);
  const named = identity ? await deps.namedSupporters(identity.tenantId).catch(() => []) : [];
  const parsed = requestFormSchema.safeParse(submitted.fields);
  // A named supporter must be one who chose to be offered; otherwise the choice is simply ignored.
  const chosenUnknown =
    parsed.success &&
    parsed.data.preference === "specific" &&
    !named.some((supporter) => supporter.userId === parsed.data.preferredSupporterId);
  if (parsed.success && parsed.data.preference !== "specific") delete parsed.data.preferredSupporterId;
  if (!parsed.success || submitted.unknownFields || chosenUnknown) {
    deps.logger.info(
      { event: "bot.request.invalid", fields: parsed.success ? "unknown_field" : parsed.error.issues.map((issue) => issue.path.join(".")) },
      "request form refused",
    );
    return requestFormCard(messages, values, { kind: "invalid" }, named);
  }
  if (!identity) return noticeCard(messages.identityUnknown);

  try {
    // Stored as plain JSON: what a later proactive message needs, nothing botbuilder-typed.
    const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as JsonObject;
    const { request, firstDelivery } = await deps.requests.submitOnce(identity, parsed.data, risk, reference, submitted.submissionId);
    deps.logger.info(
      { event: "bot.request.stored", urgency: request.urgency, category: request.category, crisis: request.crisis, repeat: !firstDelivery },
      "request stored",
    );
    // A form sent again gets its confirmation back, but supporters were already told about it.
    const reach = firstDelivery ? await deps.afterStored?.(identity.tenantId, request) : undefined;
    return requestConfirmationCard(messages, request, reach ?? "on_duty");
  } catch (error) {
    // Unreachable or too slow, the person hears the same: not sent, try again, and here is help meanwhile.
    if (!isStoreOutage(error)) throw error;
    deps.logger.error({ event: "bot.request.store_unavailable", code: error.code }, "request could not be stored");
    // A write that timed out is not cancelled and may still land, so "not sent" would be untrue.
    const uncertain = error instanceof StoreTimeoutError && WRITE_OPERATIONS.has(error.operation);
    return requestFormCard(
      messages,
      values,
      { kind: "store_down", uncertain, ...(context.activity.locale ? { locale: context.activity.locale } : {}) },
      named,
    );
  }
}

const WRITE_OPERATIONS: ReadonlySet<string> = new Set(["create", "replace", "delete"]);

interface PickedForm {
  fields: Record<string, unknown>;
  text?: unknown;
  /** Absent on cards sent before forms carried a key, or when the value is not a well-formed key. */
  submissionId?: string;
  unknownFields: boolean;
}

/** Only the form's own fields go to validation; anything else means a tampered payload. */
function pickFormFields(data: unknown): PickedForm {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { fields: {}, unknownFields: true };
  const fields: Record<string, unknown> = {};
  let unknownFields = false;
  let submissionId: string | undefined;
  for (const [key, value] of Object.entries(data)) {
    if ((FORM_FIELDS as readonly string[]).includes(key)) fields[key] = value === "" && key !== "text" ? undefined : value;
    else if (key === SUBMISSION_ID_FIELD) submissionId = typeof value === "string" && SUBMISSION_ID_PATTERN.test(value) ? value : undefined;
    else unknownFields = true;
  }
  if (fields.text === "") delete fields.text;
  return { fields, text: fields.text, unknownFields, ...(submissionId ? { submissionId } : {}) };
}

function displayValues(submitted: PickedForm): FormValues {
  const values: FormValues = submitted.submissionId ? { submissionId: submitted.submissionId } : {};
  for (const key of ["category", "urgency", "preference", "contact", "text", "shareName", "preferredSupporterId"] as const) {
    const value = submitted.fields[key];
    if (typeof value === "string") values[key] = value.slice(0, 2000);
    else if (typeof value === "boolean") values[key] = String(value);
  }
  return values;
}
