import { z } from "zod";
import {
  AppError,
  hasRole,
  REFERENCE_CODE_PATTERN,
  requestSummaryView,
  requesterAuditView,
  requesterRequestView,
  supporterRequestView,
  type CallerIdentity,
} from "../../../shared/index.js";
import type { RequestPage } from "./request-lists.js";
import { InvalidContinuationError } from "../storage/document-pages.js";
import { deliverRelay, MAX_RELAY_MESSAGE } from "../bot/relay.js";
import { announceChange } from "../bot/supporter-routing.js";
import { claimByOf, responsePolicySchema } from "./response-policy.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import type {
  MessageSentResponse,
  MyRequestsPage,
  QueuePage,
  RequestActionResponse,
  RequestDetailResponse,
} from "../../../shared/api/index.js";
import { refusalError } from "../http/refusal-mapper.js";
import { serverMessage } from "../http/server-messages.js";
import { submitFromTab } from "./tab-intake.js";

const referenceCode = z.string().regex(REFERENCE_CODE_PATTERN, "is not a request reference such as PC-7KQ4X2");
const messageBody = z.object({ message: z.string().min(1).max(MAX_RELAY_MESSAGE) }).strict();
const actionBody = z.object({ action: z.enum(["release", "start_conversation", "refer", "resolve", "withdraw", "claim"]) }).strict();
const listQuery = z.object({ continuation: z.string().max(512).optional() });

/** The one answer for a code that was never issued and for a request the caller has no part in. */
const noSuchRequest = () => refusalError("requests", "not_found");

const viewerOf = (caller: CallerIdentity) => ({ userId: caller.userId, isSupporter: hasRole(caller.roles, "supporter") });

/** A page of a list, or a 400 for a continuation this server did not hand out. */
async function pageOf(read: (continuation?: string) => Promise<RequestPage>, query: unknown): Promise<RequestPage> {
  const { continuation } = parseInput(listQuery, query ?? {});
  try {
    return await read(continuation);
  } catch (error) {
    if (error instanceof InvalidContinuationError) throw new AppError("bad_request", serverMessage("requestListPageGone"));
    throw error;
  }
}

export const REQUEST_ROUTES: readonly ApiRoute[] = [
  {
    // "Talk to someone" in the tab: the bot's form, the same domain call, the caller from the token only.
    method: "post",
    path: "/api/requests",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, body }, services) => ({ status: 201, body: await submitFromTab(caller, body, services) }),
  },
  {
    method: "get",
    path: "/api/requests/mine",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller, query }, { requests }) => {
      const page = await pageOf((continuation) => requests.listForRequester(caller.tenantId, caller.userId, continuation), query);
      return {
        body: {
          requests: page.requests.map((request) => requestSummaryView(request, caller.userId)),
          ...(page.continuation ? { continuation: page.continuation } : {}),
        } satisfies MyRequestsPage,
      };
    },
  },
  {
    method: "get",
    path: "/api/requests/queue",
    role: "supporter",
    acceptsBody: false,
    handle: async ({ caller, query }, { requests, roles, supporters, policies }) => {
      // Claimed requests stay visible (status only) so supporters see the whole picture; content never.
      const page = await pageOf((continuation) => requests.activeRequests(caller.tenantId, continuation), query);
      const policy = await policies.get(caller.tenantId);
      const roster = (await roles.list(caller.tenantId))
        .filter((assignment) => assignment.roles.includes("supporter"))
        .map((assignment) => assignment.userId);
      return {
        body: {
          requests: page.requests
            .filter((request) => request.requesterId !== caller.userId)
            .map((request) => ({
              ...requestSummaryView(request, caller.userId),
              claimBy: claimByOf(request.createdAt, request.urgency, policy),
            })),
          // Supporters the bot cannot notify until they open a chat with it; ids only, names come from Teams.
          unreachableSupporters: await supporters.unreachable(caller.tenantId, roster),
          ...(page.continuation ? { continuation: page.continuation } : {}),
        } satisfies QueuePage,
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
      const found = await requests.getFor(caller.tenantId, code, viewerOf(caller));
      // Admins and other supporters see counts elsewhere; the content is the requester's and claimer's alone.
      if (!found || found.standing === "supporter") throw noSuchRequest();
      const { request, standing } = found;
      await requests.recordView(caller.tenantId, code, caller.userId);
      if (standing === "claimer")
        return { body: { request: supporterRequestView(request, caller.userId) } satisfies RequestDetailResponse };
      return {
        body: {
          request: requesterRequestView(request),
          audit: requesterAuditView(request, await requests.auditTrail(caller.tenantId, code)),
        } satisfies RequestDetailResponse,
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
      const result = await requests.act(caller.tenantId, code, action, viewerOf(caller));
      if (!result.ok) throw refusalError("requests", result.refusal);
      await announceChange(caller, result.request, action, routing);
      return { body: { request: requestSummaryView(result.request, caller.userId) } satisfies RequestActionResponse };
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
      if (outcome !== "sent") throw refusalError("relay", outcome);
      // The tab shows the emergency block first when the words were a crisis.
      return { body: { sent: true, crisis: risk.level === "crisis" } satisfies MessageSentResponse };
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
