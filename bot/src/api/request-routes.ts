import { z } from "zod";
import { AppError, hasRole, REFERENCE_CODE_PATTERN, type CallerIdentity } from "../../../shared/index.js";
import type { StoredHelpRequest } from "../requests/request-service.js";
import { deliverRelay, MAX_RELAY_MESSAGE, type RelayOutcome } from "../bot/relay.js";
import { announceChange } from "../bot/supporter-routing.js";
import { claimByOf, responsePolicySchema } from "../requests/response-policy.js";
import { parseInput, type ApiRoute } from "./api-routes.js";

const referenceCode = z.string().regex(REFERENCE_CODE_PATTERN, "is not a request reference such as PC-7KQ4X2");
const messageBody = z.object({ message: z.string().min(1).max(MAX_RELAY_MESSAGE) }).strict();
const actionBody = z.object({ action: z.enum(["release", "start_conversation", "refer", "resolve", "withdraw", "claim"]) }).strict();

/** What anyone allowed to see a request in a list gets: no words, no name, no conversation. */
function summaryOf(request: StoredHelpRequest, caller: CallerIdentity) {
  return {
    referenceCode: request.referenceCode,
    category: request.category,
    urgency: request.urgency,
    status: request.status,
    crisis: request.crisis,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    claimedByMe: request.claimedBy === caller.userId,
    mine: request.requesterId === caller.userId,
  };
}

/** The whole request, for its requester and its claimer only. */
function detailOf(request: StoredHelpRequest, caller: CallerIdentity) {
  return {
    ...summaryOf(request, caller),
    preference: request.preference,
    contact: request.contact,
    anonymous: request.anonymous,
    ...(request.text ? { text: request.text } : {}),
    ...(request.requesterName && !request.anonymous ? { requesterName: request.requesterName } : {}),
  };
}

const REFUSAL_STATUS: Record<string, [AppError["code"], string]> = {
  not_found: ["not_found", "There is no such request."],
  already_claimed: ["conflict", "Already claimed by a colleague."],
  illegal_transition: ["conflict", "That change is not possible for this request now."],
  not_supporter: ["forbidden", "Only peer supporters can do that."],
  own_request: ["forbidden", "You cannot take your own request."],
  not_claimer: ["forbidden", "Only the supporter who took this request can change it."],
  not_requester: ["forbidden", "Only the person who asked can withdraw this request."],
};

export const REQUEST_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/requests/mine",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { requests }) => {
      const mine = await requests.listForRequester(caller.tenantId, caller.userId);
      return { body: { requests: mine.map((request) => summaryOf(request, caller)) } };
    },
  },
  {
    method: "get",
    path: "/api/requests/queue",
    role: "supporter",
    acceptsBody: false,
    handle: async ({ caller }, { requests, roles, supporters, policies }) => {
      const policy = await policies.get(caller.tenantId);
      // Claimed requests stay visible (status only) so supporters see the whole picture; content never.
      const open = await requests.activeRequests(caller.tenantId);
      const roster = (await roles.list(caller.tenantId))
        .filter((assignment) => assignment.roles.includes("supporter"))
        .map((assignment) => assignment.userId);
      return {
        body: {
          requests: open
            .filter((request) => request.requesterId !== caller.userId)
            .map((request) => ({ ...summaryOf(request, caller), claimBy: claimByOf(request.createdAt, request.urgency, policy) })),
          // Supporters the bot cannot notify until they open a chat with it; ids only, names come from Teams.
          unreachableSupporters: await supporters.unreachable(caller.tenantId, roster),
        },
      };
    },
  },
  {
    method: "get",
    path: "/api/requests/:code",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, params }, { requests }) => {
      const code = parseInput(referenceCode, params.code);
      const request = await requests.get(caller.tenantId, code);
      if (!request) throw new AppError("not_found", "There is no such request.");
      const isRequester = request.requesterId === caller.userId;
      // Admins and other supporters see counts elsewhere; the content is the requester's and claimer's alone.
      if (!isRequester && request.claimedBy !== caller.userId)
        throw new AppError("forbidden", "Only the person who asked and the supporter who took it can open this request.");
      await requests.recordView(caller.tenantId, code, caller.userId);
      return {
        body: { request: detailOf(request, caller), ...(isRequester ? { audit: await requests.auditTrail(caller.tenantId, code) } : {}) },
      };
    },
  },
  {
    method: "post",
    path: "/api/requests/:code/actions",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { requests, routing }) => {
      const code = parseInput(referenceCode, params.code);
      const { action } = parseInput(actionBody, body);
      const result = await requests.act(caller.tenantId, code, action, {
        userId: caller.userId,
        isSupporter: hasRole(caller.roles, "supporter"),
      });
      if (!result.ok) {
        const [errorCode, message] = REFUSAL_STATUS[result.refusal] ?? ["conflict", "That change is not possible."];
        throw new AppError(errorCode, message);
      }
      await announceChange(caller, result.request, action, routing);
      return { body: { request: summaryOf(result.request, caller) } };
    },
  },
  {
    method: "post",
    path: "/api/requests/:code/messages",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { routing }) => {
      const code = parseInput(referenceCode, params.code);
      const { message } = parseInput(messageBody, body);
      const { outcome, risk } = await deliverRelay(caller, code, message, routing);
      const failure = RELAY_FAILURES[outcome];
      if (failure) throw new AppError(failure[0], failure[1]);
      // The tab shows the emergency block first when the words were a crisis.
      return { body: { sent: true, crisis: risk.level === "crisis" } };
    },
  },
];

export const RESPONSE_POLICY_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/admin/response-policy",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller }, { policies }) => ({ body: await policies.get(caller.tenantId) }),
  },
  {
    method: "put",
    path: "/api/admin/response-policy",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, body }, { policies }) => {
      const policy = parseInput(responsePolicySchema, body);
      await policies.set(caller.tenantId, policy, caller.userId);
      return { body: policy };
    },
  },
];

const RELAY_FAILURES: Partial<Record<RelayOutcome, [AppError["code"], string]>> = {
  not_found: ["not_found", "There is no such request."],
  empty: ["bad_request", "Please write a message of up to 2,000 characters."],
  not_claimed_yet: ["conflict", "No supporter has taken this request yet."],
  closed: ["conflict", "This conversation has ended."],
  unreachable: ["store_unavailable", "The message could not be delivered just now. Please try again."],
};
