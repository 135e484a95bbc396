import { z } from "zod";
import {
  businessCalendarSchema,
  claimDeadline,
  DEFAULT_RESPONSE_TARGETS,
  responseTargetsSchema,
  type BusinessCalendar,
  type RequestUrgency,
  type ResponseTargets,
} from "../../../shared/index.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";

export interface ResponsePolicy {
  targets: ResponseTargets;
  calendar: BusinessCalendar;
}

export const DEFAULT_RESPONSE_POLICY: ResponsePolicy = {
  targets: DEFAULT_RESPONSE_TARGETS,
  calendar: { timeZone: "UTC", workingDays: [1, 2, 3, 4, 5] },
};

export const responsePolicySchema = z.strictObject({ targets: responseTargetsSchema, calendar: businessCalendarSchema });

const DOCUMENT_ID = "response-policy";

/** Each tenant's response targets and business calendar (flow A.6), with the product defaults until an admin sets them. */
export class ResponsePolicyStore {
  constructor(private readonly store: DocumentStore) {}

  async get(tenantId: string): Promise<ResponsePolicy> {
    const stored = await this.store.get<JsonObject>("settings", tenantId, DOCUMENT_ID);
    const parsed = responsePolicySchema.safeParse(stored?.value.policy);
    return parsed.success ? parsed.data : DEFAULT_RESPONSE_POLICY;
  }

  async set(tenantId: string, policy: ResponsePolicy, setBy: string): Promise<void> {
    const value = { kind: "responsePolicy", policy, setBy, setAt: new Date().toISOString() } as unknown as JsonObject;
    const existing = await this.store.get("settings", tenantId, DOCUMENT_ID);
    if (existing) await this.store.replace("settings", tenantId, DOCUMENT_ID, value, { ifMatch: existing.etag });
    else await this.store.create("settings", tenantId, DOCUMENT_ID, value);
  }
}

/** When a request must be claimed by, under its tenant's policy. */
export function claimByOf(createdAt: string, urgency: RequestUrgency, policy: ResponsePolicy): string {
  return new Date(claimDeadline(Date.parse(createdAt), urgency, policy.targets, policy.calendar)).toISOString();
}
