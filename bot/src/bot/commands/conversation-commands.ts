import { isReferenceCode, requestSummaryView, requesterAuditView, requesterRequestView } from "../../../../shared/index.js";
import { normaliseCommand } from "../activity-identity.js";
import { emergencyCard } from "../cards/emergency-card.js";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { helpCard } from "../cards/help-card.js";
import { myRequestsCard, requestDetailsCard, requestFormCard } from "../cards/request-cards.js";
import { noticeCard } from "../cards/supporter-cards.js";
import type { CommandTurn, SignedInVerbTurn } from "./registry-types.js";

export const RESOURCES_PATH = "/personal/resources";
export const MY_DATA_PATH = "/personal/my-data";

/** In personal chat the help card; elsewhere only the pointer to a private chat, since everyone there sees it. */
export async function sendHelp({ context, scope, messages, services }: CommandTurn): Promise<void> {
  const card = scope === "personal" ? helpCard(messages, services.tabUrl(RESOURCES_PATH)) : services.privateChatCard(context);
  await services.sendCard(context, card);
}

export async function sendRequestForm({ context, risk, messages, services }: CommandTurn): Promise<void> {
  if (risk.level === "crisis" && (await services.raiseCrisisAlert(context, risk))) return;
  const notice = risk.level === "crisis" ? { kind: "crisis" as const } : undefined;
  await services.sendCard(context, requestFormCard(messages, {}, notice, await services.namedSupporters(context)));
}

/** Free text starts a request: the form comes back with the words already in it. */
export async function startRequestFromText({ context, text, risk, messages, services }: CommandTurn): Promise<void> {
  if (risk.level === "crisis" && (await services.raiseCrisisAlert(context, risk))) return;
  const notice = risk.level === "crisis" ? { kind: "crisis" as const } : undefined;
  const named = await services.namedSupporters(context);
  await services.sendCard(context, requestFormCard(messages, { text: text.slice(0, 2000) }, notice, named));
}

/** "ask <name>" comes from "Ask this person" in the tab's supporters' directory; an unknown name is free text. */
export async function askNamedSupporter(turn: CommandTurn): Promise<void> {
  const { context, command, risk, messages, services } = turn;
  if (risk.level !== "crisis") {
    const named = await services.namedSupporters(context);
    const wanted = command.slice(command.indexOf(" ") + 1).trim();
    const asked = named.find((supporter) => normaliseCommand(supporter.displayName) === wanted);
    if (asked) {
      const values = { preference: "specific" as const, preferredSupporterId: asked.userId };
      return services.sendCard(context, requestFormCard(messages, values, undefined, named));
    }
  }
  await startRequestFromText(turn);
}

export async function sendMyRequests({ context, identity, messages, services }: CommandTurn): Promise<void> {
  if (!identity) {
    await context.sendActivity(messages.identityUnknown);
    return;
  }
  // The newest page is plenty for a card; the tab lists the rest.
  const { requests } = await services.options.requests.listForRequester(identity.tenantId, identity.userId);
  const summaries = requests.map((request) => requestSummaryView(request, identity.userId));
  const { locale, localTimezone } = context.activity;
  await services.sendCard(context, myRequestsCard(messages, summaries, locale, localTimezone));
}

export async function sendResources({ context, risk, messages, services }: CommandTurn): Promise<void> {
  // Crisis language has had the emergency card already, first of all.
  if (risk.level !== "crisis") {
    await services.sendCard(context, emergencyCard(messages, context.activity.locale, await services.crisisLines(context)));
  }
  const url = services.tabUrl(RESOURCES_PATH);
  await context.sendActivity(url ? `${messages.resourcesIntro} ${url}` : messages.resourcesIntro);
}

/** The requester's own view of one request and its trail; anyone else is told it does not exist. */
export async function requestDetails({ context, actor, data, messages, services }: SignedInVerbTurn): Promise<AdaptiveCard> {
  const { requests } = services.options;
  const code = (data as { code?: unknown } | null)?.code;
  // Whether the person is a supporter does not matter here: only the requester sees this card.
  const found = isReferenceCode(code) ? await requests.getFor(actor.tenantId, code, { ...actor, isSupporter: false }) : undefined;
  if (found?.standing !== "requester") return noticeCard(messages.requestNotFound);
  const { request } = found;
  await requests.recordView(actor.tenantId, request.referenceCode, actor.userId);
  const trail = requesterAuditView(request, await requests.auditTrail(actor.tenantId, request.referenceCode));
  return requestDetailsCard(messages, requesterRequestView(request), trail, context.activity.locale, context.activity.localTimezone);
}
