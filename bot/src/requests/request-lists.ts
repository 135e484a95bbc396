import type { RequestStatus, RequestUrgency } from "../../../shared/index.js";
import type { CollectionDocument } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { anonymisedRequests, helpRequests, type AnonymisedRequest, type StoredHelpRequest } from "./request-documents.js";

/** A person's requests per page: more than anyone has in practice, few enough to send at once. */
export const REQUESTER_PAGE_SIZE = 50;
/** The supporters' queue per page; a supporter cannot take in more than this at once anyway. */
export const QUEUE_PAGE_SIZE = 100;

export interface RequestPage {
  requests: StoredHelpRequest[];
  /** Present when there may be more; pass it back for the next page. */
  continuation?: string;
}

const ACTIVE_STATUSES: readonly RequestStatus[] = ["open", "claimed", "in_conversation"];
const URGENCY_ORDER: readonly RequestUrgency[] = ["crisis", "today", "soon", "can_wait"];
const URGENCY_RANK = { crisis: 0, today: 1, soon: 2, can_wait: 3 } as const;

/**
 * The queue is read most urgent first, one filter per urgency and status, so a full page is full of
 * the most urgent requests: a crisis can never be left for a later page behind calmer ones.
 */
const QUEUE_FILTERS = URGENCY_ORDER.flatMap((urgency) => ACTIVE_STATUSES.map((status) => ({ urgency, status })));

const requestsOf = (documents: CollectionDocument<StoredHelpRequest>[]) => documents.map((document) => document.value);

/** One page of a person's own requests, newest first within the page. */
export async function requesterPage(store: DocumentStore, tenantId: string, userId: string, continuation?: string): Promise<RequestPage> {
  const page = await helpRequests(store).page(tenantId, {
    filters: [{ requesterId: userId }],
    limit: REQUESTER_PAGE_SIZE,
    ...(continuation ? { continuation } : {}),
  });
  return {
    requests: requestsOf(page.documents).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    ...(page.continuation ? { continuation: page.continuation } : {}),
  };
}

/** Every request of a person, a bounded page at a time, for the export and erasure that must see them all. */
export async function* requesterPages(store: DocumentStore, tenantId: string, userId: string): AsyncGenerator<StoredHelpRequest[]> {
  for await (const documents of helpRequests(store).pages(tenantId, {
    filters: [{ requesterId: userId }],
    limit: REQUESTER_PAGE_SIZE,
  }))
    yield requestsOf(documents);
}

/** One page of open, claimed and in-conversation requests, most urgent first, then oldest first. */
export async function activePage(store: DocumentStore, tenantId: string, continuation?: string): Promise<RequestPage> {
  const page = await helpRequests(store).page(tenantId, {
    filters: QUEUE_FILTERS,
    limit: QUEUE_PAGE_SIZE,
    ...(continuation ? { continuation } : {}),
  });
  return {
    requests: sortByUrgency(requestsOf(page.documents)),
    ...(page.continuation ? { continuation: page.continuation } : {}),
  };
}

/** The person's crisis request still in progress, if any: one small read per active status. */
export async function activeCrisisOf(store: DocumentStore, tenantId: string, userId: string): Promise<StoredHelpRequest | undefined> {
  for (const status of ACTIVE_STATUSES) {
    const [found] = await helpRequests(store).query(tenantId, { where: { requesterId: userId, crisis: true, status }, limit: 1 });
    if (found) return found.value;
  }
  return undefined;
}

/**
 * How many claimed and in-conversation requests each supporter holds, for the roster's caseloads.
 * Open requests have nobody yet, so are not read.
 */
export async function activeCaseCounts(store: DocumentStore, tenantId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const status of ["claimed", "in_conversation"]) {
    for (const { value } of await helpRequests(store).query(tenantId, { where: { status } })) {
      if (value.claimedBy) counts.set(value.claimedBy, (counts.get(value.claimedBy) ?? 0) + 1);
    }
  }
  return counts;
}

/** When the crisis requests a supporter has claimed were last changed, for the roster's nudge to take a break. */
export async function claimedCrisisUpdates(store: DocumentStore, tenantId: string, supporterId: string): Promise<string[]> {
  const found = await helpRequests(store).query(tenantId, { where: { claimedBy: supporterId, crisis: true } });
  return found.map(({ value }) => value.updatedAt);
}

export function sortByUrgency(requests: StoredHelpRequest[]): StoredHelpRequest[] {
  return requests.sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.createdAt.localeCompare(b.createdAt));
}

/**
 * Every request of a tenant as the programme's figures see it, whole or anonymised after its
 * requester's erasure, a bounded page at a time. A damaged one is reported and left out of the figures.
 */
export async function* requestRecordPages(
  store: DocumentStore,
  tenantId: string,
  pageSize: number,
): AsyncGenerator<(StoredHelpRequest | AnonymisedRequest)[]> {
  for await (const page of helpRequests(store).pages(tenantId, { filters: [{}], limit: pageSize })) yield page.map(({ value }) => value);
  for await (const page of anonymisedRequests(store).pages(tenantId, { filters: [{}], limit: pageSize }))
    yield page.map(({ value }) => value);
}
