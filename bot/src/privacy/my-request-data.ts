import { isClosed, requesterAuditView, requesterRequestView } from "../../../shared/index.js";
import { anonymiseRequest } from "../requests/request-erasure.js";
import type { RequestService, StoredHelpRequest } from "../requests/request-service.js";
import type { DocumentStore } from "../storage/document-store.js";

/** Told of each request that erasure withdrew, to let the supporters involved know as any withdrawal would. */
export type WithdrawalListener = (request: StoredHelpRequest) => Promise<void>;

/**
 * A person's requests in their export: their own view of each (the same projection the tab shows),
 * so an anonymous request names no supporter here either. Read page by page, all of them.
 */
export async function exportedRequests(requests: RequestService, tenantId: string, userId: string): Promise<ExportedRequest[]> {
  const exported: ExportedRequest[] = [];
  for await (const page of requests.requesterPages(tenantId, userId)) {
    for (const request of page) {
      const audit = requesterAuditView(request, await requests.auditTrail(tenantId, request.referenceCode));
      exported.push({ ...requesterRequestView(request), audit });
    }
  }
  return exported;
}

export type ExportedRequest = ReturnType<typeof requesterRequestView> & { audit: ReturnType<typeof requesterAuditView> };

export async function countRequests(requests: RequestService, tenantId: string, userId: string): Promise<{ open: number; closed: number }> {
  const counts = { open: 0, closed: 0 };
  for await (const page of requests.requesterPages(tenantId, userId))
    for (const request of page) counts[isClosed(request.status) ? "closed" : "open"]++;
  return counts;
}

/**
 * Withdraws each of the person's requests still in progress (telling whoever needs to know), then
 * keeps of every request only what the programme's figures need: no words, no person.
 */
export async function withdrawAndAnonymise(
  store: DocumentStore,
  requests: RequestService,
  tenantId: string,
  userId: string,
  onWithdrawn?: WithdrawalListener,
): Promise<void> {
  // The codes first: anonymising removes requests from the very list being paged through.
  const mine: Pick<StoredHelpRequest, "referenceCode" | "status">[] = [];
  for await (const page of requests.requesterPages(tenantId, userId)) mine.push(...page);
  for (const { referenceCode, status } of mine) {
    if (!isClosed(status)) {
      const withdrawn = await requests.act(tenantId, referenceCode, "withdraw", { userId, isSupporter: false });
      // A notice that cannot be delivered must not stop the erasure the person asked for.
      if (withdrawn.ok) await onWithdrawn?.(withdrawn.request).catch(() => undefined);
    }
    await anonymiseRequest(store, tenantId, referenceCode);
  }
}
