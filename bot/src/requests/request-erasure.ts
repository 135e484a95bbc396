import { createHash } from "node:crypto";
import { z } from "zod";
import { CHOSEN_URGENCIES, REQUEST_CATEGORIES, REQUEST_STATUSES } from "../../../shared/index.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { auditEntries, helpRequests, type StoredHelpRequest } from "./request-documents.js";

const MAX_AUDIT_ENTRIES = 1000;

/** What is kept of an erased person's request: what the programme's figures need, no words, no person. */
export interface AnonymisedRequest {
  kind: "anonymisedRequest";
  category: StoredHelpRequest["category"];
  urgency: StoredHelpRequest["urgency"];
  status: StoredHelpRequest["status"];
  crisis: boolean;
  createdAt: string;
  updatedAt: string;
  claimedAt?: string;
}

const anonymisedSchema: z.ZodType<AnonymisedRequest> = z.looseObject({
  kind: z.literal("anonymisedRequest"),
  category: z.enum(REQUEST_CATEGORIES),
  urgency: z.enum([...CHOSEN_URGENCIES, "crisis"]),
  status: z.enum(REQUEST_STATUSES),
  crisis: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  claimedAt: z.string().optional(),
});

export const anonymisedRequests = (store: DocumentStore) => collection(store, "requests", "anonymisedRequest", anonymisedSchema);

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
