import { z } from "zod";
import { AppError, assessRisk, requestFormSchema, requesterRequestView, type CallerIdentity } from "../../../shared/index.js";
import type { RequestCreatedResponse } from "../../../shared/api/index.js";
import { NOBODY_REACHED, notifySupporters } from "../bot/supporter-routing.js";
import { parseInput, type ApiServices } from "../api/api-routes.js";
import { serverMessage } from "../http/server-messages.js";

/** The tab's form carries the bot card's fields and, like the card, a key so a repeat finds the first request. */
const intakeBody = z
  .object({
    form: z.unknown(),
    submissionId: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
    /** The viewer's language, so the words are screened as the tab screened them. */
    locale: z.string().max(35).optional(),
  })
  .strict();

/**
 * "Talk to someone" from the tab (flow A.1): the same domain call as the bot's form. The words are
 * screened first (the tab has already shown the crisis lines as they were typed), the request is
 * stored before anything is answered (flow A.3), and only then are supporters told, with no content.
 * The requester's chat with the bot, when they have one, is how the bot reaches them later.
 */
export async function submitFromTab(caller: CallerIdentity, body: unknown, services: ApiServices): Promise<RequestCreatedResponse> {
  const { form: raw, submissionId, locale } = parseInput(intakeBody, body);
  const form = parseInput(requestFormSchema, raw);
  const risk = assessRisk(form.text ?? "", locale);
  if (form.preference === "specific") {
    const named = await services.supporters.listed(caller.tenantId);
    if (!named.some((supporter) => supporter.userId === form.preferredSupporterId))
      throw new AppError("bad_request", serverMessage("invalidField", { field: "form.preferredSupporterId", reason: "is not offered" }));
  } else delete form.preferredSupporterId;
  const reference = await services.contacts?.referenceOf(caller.tenantId, caller.userId).catch(() => undefined);
  const requester = {
    tenantId: caller.tenantId,
    userId: caller.userId,
    ...(caller.displayName ? { displayName: caller.displayName } : {}),
  };
  const { request, firstDelivery } = await services.requests.submitOnce(requester, form, risk, reference, submissionId);
  services.routing.logger.info(
    { event: "tab.request.stored", urgency: request.urgency, category: request.category, crisis: request.crisis, repeat: !firstDelivery },
    "request stored",
  );
  // Stored: a failed notification must not turn the answer into an error the person would retry.
  const outcome = firstDelivery
    ? await notifySupporters(caller.tenantId, request, services.routing, locale).catch(() => {
        services.routing.logger.error({ event: "requests.notify_failed" }, "notify failed");
        return NOBODY_REACHED;
      })
    : undefined;
  const reach = !outcome
    ? "on_duty"
    : outcome.onDutyNotified > 0
      ? "on_duty"
      : outcome.fallbackNotified > 0 || outcome.channelNotified > 0
        ? "everyone"
        : "nobody";
  return { request: requesterRequestView(request), crisis: risk.level === "crisis", reach, botReachable: Boolean(reference) };
}
