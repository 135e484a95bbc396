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
import { collection } from "../storage/collection.js";
import { InvalidDocumentError } from "../storage/invalid-document.js";
import type { DocumentStore } from "../storage/document-store.js";

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

interface ResponsePolicyDocument {
  kind: "responsePolicy";
  policy: ResponsePolicy;
  setBy: string;
  setAt: string;
}

const policyDocumentSchema: z.ZodType<ResponsePolicyDocument> = z.looseObject({
  kind: z.literal("responsePolicy"),
  policy: responsePolicySchema,
  setBy: z.string(),
  setAt: z.string(),
});

/** Each tenant's response targets and business calendar (flow A.6), with the product defaults until an admin sets them. */
export class ResponsePolicyStore {
  private readonly policies;

  constructor(store: DocumentStore) {
    this.policies = collection(store, "settings", "responsePolicy", policyDocumentSchema);
  }

  /**
   * A policy document that fails its schema is reported (see `Collection`) and the defaults apply:
   * the sweeper reads this for every tenant, and chasing late requests on the defaults is better
   * than not chasing them at all.
   */
  async get(tenantId: string): Promise<ResponsePolicy> {
    try {
      return (await this.policies.get(tenantId, DOCUMENT_ID))?.value.policy ?? DEFAULT_RESPONSE_POLICY;
    } catch (error) {
      if (error instanceof InvalidDocumentError) return DEFAULT_RESPONSE_POLICY;
      throw error;
    }
  }

  async set(tenantId: string, policy: ResponsePolicy, setBy: string): Promise<void> {
    const value: ResponsePolicyDocument = { kind: "responsePolicy", policy, setBy, setAt: new Date().toISOString() };
    const existing = await this.policies.get(tenantId, DOCUMENT_ID).catch((error: unknown) => {
      if (error instanceof InvalidDocumentError) return this.policies.delete(tenantId, DOCUMENT_ID).then(() => undefined);
      throw error;
    });
    if (existing) await this.policies.replace(tenantId, DOCUMENT_ID, value, { ifMatch: existing.etag });
    else await this.policies.create(tenantId, DOCUMENT_ID, value);
  }
}

/** When a request must be claimed by, under its tenant's policy. */
export function claimByOf(createdAt: string, urgency: RequestUrgency, policy: ResponsePolicy): string {
  return new Date(claimDeadline(Date.parse(createdAt), urgency, policy.targets, policy.calendar)).toISOString();
}
