import { z } from "zod";
import {
  CHOSEN_URGENCIES,
  CONTACT_METHODS,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  SUPPORTER_PREFERENCES,
  type HelpRequest,
} from "../../../shared/index.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { jsonObjectSchema } from "../storage/json-schema.js";

/** The documents of the requests module: help requests (`requests`), their audit trail (`audit`) and its settings. */

export interface StoredHelpRequest extends HelpRequest {
  /** Where to reach the requester. The user's name is removed unless they chose to share it. */
  conversationReference?: JsonObject | undefined;
  /** When a supporter first claimed it, kept through releases, for the programme's time-to-claim figure. */
  claimedAt?: string | undefined;
  /** The form's one-off key: the same form sent twice (a double click, a retry) is one request. */
  submissionId?: string | undefined;
}

export const helpRequestSchema: z.ZodType<StoredHelpRequest> = z.looseObject({
  kind: z.literal("helpRequest"),
  referenceCode: z.string(),
  requesterId: z.string(),
  requesterName: z.string().optional(),
  category: z.enum(REQUEST_CATEGORIES),
  urgency: z.enum([...CHOSEN_URGENCIES, "crisis"]),
  preference: z.enum(SUPPORTER_PREFERENCES),
  preferredSupporterId: z.string().optional(),
  contact: z.enum(CONTACT_METHODS),
  text: z.string().optional(),
  anonymous: z.boolean(),
  crisis: z.boolean(),
  riskReasons: z.array(z.string()),
  status: z.enum(REQUEST_STATUSES),
  claimedBy: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  conversationReference: jsonObjectSchema.optional(),
  claimedAt: z.string().optional(),
  submissionId: z.string().optional(),
});

export interface AuditEntry {
  kind: "audit";
  requestCode: string;
  actorId: string;
  action: string;
  at: string;
}

const auditEntrySchema: z.ZodType<AuditEntry> = z.looseObject({
  kind: z.literal("audit"),
  requestCode: z.string(),
  actorId: z.string(),
  action: z.string(),
  at: z.string(),
});

/** A tenant that has had a request, in the system partition, so background work knows where to look. */
export interface TenantRegistration {
  kind: "tenant";
  tenantId: string;
}

const tenantSchema: z.ZodType<TenantRegistration> = z.looseObject({ kind: z.literal("tenant"), tenantId: z.string() });

/** One escalation stage of one request, claimed once across instances (the sweeper's marker). */
export interface ReminderMarker {
  kind: "reminder";
  code: string;
  stage: string;
  by: string;
}

const reminderSchema: z.ZodType<ReminderMarker> = z.looseObject({
  kind: z.literal("reminder"),
  code: z.string(),
  stage: z.string(),
  by: z.string(),
});

/** Which instance runs the sweeper, until when (epoch milliseconds). */
export interface SweeperLease {
  kind: "lease";
  holder: string;
  expiresAt: number;
}

const leaseSchema: z.ZodType<SweeperLease> = z.looseObject({ kind: z.literal("lease"), holder: z.string(), expiresAt: z.number() });

export const helpRequests = (store: DocumentStore) => collection(store, "requests", "helpRequest", helpRequestSchema);
export const auditEntries = (store: DocumentStore) => collection(store, "audit", "audit", auditEntrySchema);
export const tenantRegistrations = (store: DocumentStore) => collection(store, "settings", "tenant", tenantSchema);
export const reminderMarkers = (store: DocumentStore) => collection(store, "requests", "reminder", reminderSchema);
export const sweeperLeases = (store: DocumentStore) => collection(store, "settings", "lease", leaseSchema);

/** What is kept of an erased person's request: what the programme's figures need, no words, no person. */
export interface AnonymisedRequest {
  kind: "anonymisedRequest";
  category: StoredHelpRequest["category"];
  urgency: StoredHelpRequest["urgency"];
  status: StoredHelpRequest["status"];
  crisis: boolean;
  createdAt: string;
  updatedAt: string;
  claimedAt?: string | undefined;
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
