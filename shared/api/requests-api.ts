import type { RequesterAuditView, RequesterRequestView, RequestSummaryView, SupporterRequestView } from "../requests/request-views.js";

/** Lists come a page at a time; `continuation` is there only when there is another page to ask for. */
export interface Paged {
  continuation?: string;
}

/** GET /api/requests/mine. */
export interface MyRequestsPage extends Paged {
  requests: RequestSummaryView[];
}

/** GET /api/requests/queue: `claimBy` is when the response target runs out. */
export interface QueuePage extends Paged {
  requests: (RequestSummaryView & { claimBy: string })[];
  /** Supporters the bot cannot notify until they open a chat with it; ids only, names come from Teams. */
  unreachableSupporters: string[];
}

/**
 * GET /api/requests/:code. Which view the server sent follows who asked: the claimer gets the
 * supporter's view, the requester theirs plus the trail (which says "you" or "peer_supporter", never who).
 */
export type RequestDetailResponse =
  { request: SupporterRequestView; audit?: never } | { request: RequesterRequestView; audit: RequesterAuditView[] };

/** A request opened by its requester or its claimer. */
export type RequestDetailView = RequestDetailResponse["request"];

/** POST /api/requests/:code/actions. */
export interface RequestActionResponse {
  request: RequestSummaryView;
}

/** POST /api/requests/:code/messages: `crisis` tells the sender to see the crisis lines as well. */
export interface MessageSentResponse {
  sent: boolean;
  crisis: boolean;
}

/**
 * POST /api/requests: the request as its requester sees it, whether the words were a crisis, who
 * was told (supporters on duty, everyone who can help, or nobody yet) and whether the bot can write
 * to the requester in Teams chat.
 */
export interface RequestCreatedResponse {
  request: RequesterRequestView;
  crisis: boolean;
  reach: "on_duty" | "everyone" | "nobody";
  botReachable: boolean;
}
