import { createHash } from "node:crypto";
import { isClosed, requesterAuditView, requesterRequestView } from "../../../shared/index.js";
import type { RequestService, StoredHelpRequest } from "../requests/request-service.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";

const MAX_AUDIT_ENTRIES = 1000;

/** Told of each request that erasure withdrew, to let the supporters involved know as any withdrawal would. */
export type WithdrawalListener = (request: StoredHelpRequest) => Promise<void>;

/**
 * A person's requests in their export: their own view of each (the same projection the tab shows),
 * so an anonymous request names no supporter here either. Read page by page, all of them.
 */
export async function exportedRequests(requests: RequestService, tenantId: string, userId: string): Promise<JsonObject[]> {
  const exported: JsonObject[] = [];
  for await (const page of requests.requesterPages(tenantId, userId)) {
    for (const request of page) {
      const audit = requesterAuditView(request, await requests.auditTrail(tenantId, request.referenceCode));
      exported.push({ ...requesterRequestView(request), audit } as unknown as JsonObject);
    }
  }
  return exported;
}

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
    await anonymise(store, tenantId, referenceCode);
  }
}

async function anonymise(store: DocumentStore, tenantId: string, referenceCode: string): Promise<void> {
  const trail = await store.query("audit", tenantId, { where: { kind: "audit", requestCode: referenceCode }, limit: MAX_AUDIT_ENTRIES });
  for (const entry of trail) await store.delete("audit", tenantId, entry.id);
  const stored = await store.get<JsonObject>("requests", tenantId, referenceCode);
  if (!stored) return;
  const request = stored.value as unknown as StoredHelpRequest;
  await store.delete("requests", tenantId, referenceCode);
  // A new id, so the reference code the person once held no longer finds anything.
  const aggregateId = `anon-${createHash("sha256").update(`${tenantId}:${referenceCode}:${request.createdAt}`).digest("hex").slice(0, 32)}`;
  await store
    .create("requests", tenantId, aggregateId, {
      kind: "anonymisedRequest",
      category: request.category,
      urgency: request.urgency,
      status: request.status,
      crisis: request.crisis,
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
      ...(request.claimedAt ? { claimedAt: request.claimedAt } : {}),
    })
    .catch(() => undefined); // Erased twice: the aggregate is already there.
}
