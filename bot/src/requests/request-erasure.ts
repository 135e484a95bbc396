import { createHash } from "node:crypto";
import type { DocumentStore } from "../storage/document-store.js";
import { anonymisedRequests, auditEntries, helpRequests } from "./request-documents.js";

const MAX_AUDIT_ENTRIES = 1000;

/**
 * Deletes a request's audit trail and the request, keeping under a new id only an anonymous
 * aggregate. A damaged document on the way fails the erasure (reported, InvalidDocumentError)
 * rather than being skipped: telling a person their data is gone while some of it stays is worse.
 */
export async function anonymiseRequest(store: DocumentStore, tenantId: string, referenceCode: string): Promise<void> {
  const audits = auditEntries(store);
  const trail = await audits.query(tenantId, { where: { requestCode: referenceCode }, limit: MAX_AUDIT_ENTRIES }, { invalid: "throw" });
  for (const entry of trail) await audits.delete(tenantId, entry.id);
  const requests = helpRequests(store);
  const stored = await requests.get(tenantId, referenceCode);
  if (!stored) return;
  const request = stored.value;
  await requests.delete(tenantId, referenceCode);
  // A new id, so the reference code the person once held no longer finds anything.
  const aggregateId = `anon-${createHash("sha256").update(`${tenantId}:${referenceCode}:${request.createdAt}`).digest("hex").slice(0, 32)}`;
  await anonymisedRequests(store)
    .create(tenantId, aggregateId, {
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
