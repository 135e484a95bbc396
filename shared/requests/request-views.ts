import type { HelpRequest } from "./help-request.js";
import { isClosed } from "./request-status.js";

/**
 * What each person may see of a request, as one projection per audience. Every API answer, card
 * and export is built from one of these, never from the stored request, so a field that is not
 * copied here cannot leak. An anonymous request hides the two sides from each other: the
 * requester never sees who took it, and the supporter never sees who asked.
 */

/** Who a person is to one request. A stranger is told the request does not exist. */
export type RequestStanding = "requester" | "claimer" | "supporter" | "stranger";

export interface RequestViewer {
  userId: string;
  isSupporter: boolean;
}

/**
 * Supporters see active requests in the queue, so those exist for them; closed ones are only the
 * business of the two people involved.
 */
export function standingOf(request: Pick<HelpRequest, "requesterId" | "claimedBy" | "status">, viewer: RequestViewer): RequestStanding {
  if (request.requesterId === viewer.userId) return "requester";
  if (request.claimedBy === viewer.userId) return "claimer";
  return viewer.isSupporter && !isClosed(request.status) ? "supporter" : "stranger";
}

/** A line in a list (my requests, the queue, the answer to a change): no words, no person. */
export interface RequestSummaryView {
  referenceCode: string;
  category: HelpRequest["category"];
  urgency: HelpRequest["urgency"];
  status: HelpRequest["status"];
  crisis: boolean;
  createdAt: string;
  updatedAt: string;
  claimedByMe: boolean;
  mine: boolean;
  /** For supporters: whether the requester asked for this reader by name, or for someone else. */
  askedFor?: "you" | "someone";
}

/** The requester's own request: everything they gave, and of the supporter only what they may know. */
export interface RequesterRequestView extends RequestSummaryView {
  preference: HelpRequest["preference"];
  preferredSupporterId?: string;
  contact: HelpRequest["contact"];
  text?: string;
  anonymous: boolean;
  requesterName?: string;
  riskReasons: string[];
  claimedAt?: string;
  /** Only when they shared their name: then they are told who took it, so the id is no secret. */
  claimedBy?: string;
}

/** What the supporter who took a request works with: the words and how to reach out, a name only if shared. */
export interface SupporterRequestView extends RequestSummaryView {
  preference: HelpRequest["preference"];
  contact: HelpRequest["contact"];
  text?: string;
  anonymous: boolean;
  requesterName?: string;
}

/** One step of the trail as the requester sees it: what and when, and whether it was them or a supporter. */
export interface RequesterAuditView {
  action: string;
  at: string;
  by: "you" | "peer_supporter";
}

/** The stored request plus fields only the server keeps (e.g. claimedAt), all optional. */
type StoredRequest = HelpRequest & { claimedAt?: string | undefined };

export function requestSummaryView(request: HelpRequest, viewerId: string): RequestSummaryView {
  const isRequester = request.requesterId === viewerId;
  return {
    referenceCode: request.referenceCode,
    category: request.category,
    urgency: request.urgency,
    status: request.status,
    crisis: request.crisis,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    claimedByMe: request.claimedBy === viewerId,
    mine: isRequester,
    ...(request.preferredSupporterId && !isRequester ? { askedFor: request.preferredSupporterId === viewerId ? "you" : "someone" } : {}),
  };
}

export function requesterRequestView(request: StoredRequest): RequesterRequestView {
  return {
    ...requestSummaryView(request, request.requesterId),
    preference: request.preference,
    ...(request.preferredSupporterId ? { preferredSupporterId: request.preferredSupporterId } : {}),
    contact: request.contact,
    ...(request.text ? { text: request.text } : {}),
    anonymous: request.anonymous,
    ...(request.requesterName ? { requesterName: request.requesterName } : {}),
    riskReasons: [...request.riskReasons],
    ...(request.claimedAt ? { claimedAt: request.claimedAt } : {}),
    ...(request.claimedBy && nameSharedWith(request, request.claimedBy) ? { claimedBy: request.claimedBy } : {}),
  };
}

/**
 * Whether the requester's name is for this supporter. A name shared with one chosen supporter is
 * for them alone: another supporter who takes the request meets an anonymous requester.
 */
export function nameSharedWith(
  request: Pick<HelpRequest, "anonymous" | "preference" | "preferredSupporterId">,
  supporterId: string,
): boolean {
  if (request.anonymous) return false;
  return request.preference !== "specific" || !request.preferredSupporterId || request.preferredSupporterId === supporterId;
}

export function supporterRequestView(request: HelpRequest, supporterId: string): SupporterRequestView {
  const named = nameSharedWith(request, supporterId);
  return {
    ...requestSummaryView(request, supporterId),
    preference: request.preference,
    contact: request.contact,
    ...(request.text ? { text: request.text } : {}),
    anonymous: !named,
    ...(request.requesterName && named ? { requesterName: request.requesterName } : {}),
  };
}

/** The requester's trail: actors become "you" or "a peer supporter", whoever the supporter was. */
export function requesterAuditView(
  request: Pick<HelpRequest, "requesterId">,
  trail: readonly { actorId: string; action: string; at: string }[],
): RequesterAuditView[] {
  return trail.map(({ actorId, action, at }) => ({ action, at, by: actorId === request.requesterId ? "you" : "peer_supporter" }));
}
