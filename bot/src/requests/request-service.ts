import { randomBytes, randomUUID } from "node:crypto";
import {
  isClosed,
  referenceCodeFrom,
  standingOf,
  transition,
  type RequestAction,
  type RequestActor,
  type RequestForm,
  type RequestStanding,
  type RequestViewer,
  type RiskAssessment,
  type TransitionRefusal,
} from "../../../shared/index.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { submissionCodeBytes, unlessInvalid, withoutName } from "./request-submission-keys.js";
import { auditEntries, helpRequests, tenantRegistrations, type AuditEntry, type StoredHelpRequest } from "./request-documents.js";
import {
  activeCaseCounts,
  activeCrisisOf,
  activePage,
  claimedCrisisUpdates,
  requesterPage,
  requesterPages,
  sortByUrgency,
  type RequestPage,
} from "./request-lists.js";

export type { AuditEntry, StoredHelpRequest } from "./request-documents.js";

export interface Requester {
  tenantId: string;
  userId: string;
  displayName?: string;
}

/** Why a status change was refused; "not_found" also for a request the actor has no part in. */
export type RequestActRefusal = TransitionRefusal | "not_found";

/** What one submission did: `firstDelivery` is false when the same form had already been stored and announced. */
export interface SubmissionOutcome {
  request: StoredHelpRequest;
  firstDelivery: boolean;
}

const MAX_CODE_ATTEMPTS = 5;
/** The partition for the service's own bookkeeping; no tenant can be called this (ids are GUIDs). */
export const SYSTEM_PARTITION = "_system";

/**
 * Requests for help on top of the storage port. Nothing here knows about botbuilder or HTTP, so
 * the bot and the tab's API make the very same calls.
 */
export class RequestService {
  private readonly requests;
  private readonly audits;
  private readonly tenants;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
    private readonly random: (size: number) => Uint8Array = randomBytes,
    /** Closed requests are deleted by the store this many days after closing (privacy rule 5). */
    private readonly retentionDays = 180,
  ) {
    this.requests = helpRequests(store);
    this.audits = auditEntries(store);
    this.tenants = tenantRegistrations(store);
  }

  /** Stores the request and its first audit entry; resolves only once the write is acknowledged. */
  async submit(
    requester: Requester,
    form: RequestForm,
    risk: RiskAssessment,
    conversationReference?: JsonObject,
  ): Promise<StoredHelpRequest> {
    return (await this.submitOnce(requester, form, risk, conversationReference)).request;
  }

  /**
   * As `submit`, but with the form's `submissionId` the same form sent again finds the request it
   * made instead of making a second one. The reference codes it tries are derived from the key, so
   * a repeat walks the same codes and meets its own request. `firstDelivery` says whether this call
   * wrote the "created" audit entry, which happens once per request, so supporters are told once
   * even when a first attempt stored the request and then failed.
   */
  async submitOnce(
    requester: Requester,
    form: RequestForm,
    risk: RiskAssessment,
    conversationReference?: JsonObject,
    submissionId?: string,
  ): Promise<SubmissionOutcome> {
    const at = this.now().toISOString();
    const crisis = risk.level === "crisis";
    for (let attempt = 1; ; attempt++) {
      const request: StoredHelpRequest = {
        kind: "helpRequest",
        referenceCode: referenceCodeFrom(submissionId ? submissionCodeBytes(requester, submissionId, attempt) : this.random(6)),
        requesterId: requester.userId,
        ...(form.shareName && requester.displayName ? { requesterName: requester.displayName } : {}),
        category: form.category,
        urgency: crisis ? "crisis" : form.urgency,
        preference: form.preference,
        ...(form.preferredSupporterId ? { preferredSupporterId: form.preferredSupporterId } : {}),
        contact: form.contact,
        ...(form.text ? { text: form.text } : {}),
        anonymous: !form.shareName,
        crisis,
        riskReasons: risk.reasons,
        status: "open",
        createdAt: at,
        updatedAt: at,
        ...(conversationReference ? { conversationReference: withoutName(conversationReference, form.shareName) } : {}),
        ...(submissionId ? { submissionId } : {}),
      };
      try {
        await this.requests.create(requester.tenantId, request.referenceCode, request);
        return { request, firstDelivery: await this.recordCreation(requester, request.referenceCode) };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // A damaged document holding the code is nobody's earlier attempt (and is reported): walk past it too.
        const earlier = submissionId ? await this.get(requester.tenantId, request.referenceCode).catch(unlessInvalid) : undefined;
        if (earlier && earlier.requesterId === requester.userId && earlier.submissionId === submissionId)
          return { request: earlier, firstDelivery: await this.recordCreation(requester, earlier.referenceCode) };
        if (attempt >= MAX_CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** Registers the tenant and writes the one "created" entry; false when an earlier attempt had written it. */
  private async recordCreation(requester: Requester, referenceCode: string): Promise<boolean> {
    await this.registerTenant(requester.tenantId);
    try {
      await this.audits.create(requester.tenantId, `${referenceCode}-created`, this.auditEntry(referenceCode, requester.userId, "created"));
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** One page of the requester's own requests, newest first; fails with InvalidContinuationError for a forged token. */
  async listForRequester(tenantId: string, userId: string, continuation?: string): Promise<RequestPage> {
    return requesterPage(this.store, tenantId, userId, continuation);
  }

  /** Every one of a person's requests, a bounded page at a time, for work that must see them all. */
  requesterPages(tenantId: string, userId: string): AsyncGenerator<StoredHelpRequest[]> {
    return requesterPages(this.store, tenantId, userId);
  }

  /** The person's crisis request that is still in progress, if there is one. */
  async activeCrisisOf(tenantId: string, userId: string): Promise<StoredHelpRequest | undefined> {
    return activeCrisisOf(this.store, tenantId, userId);
  }

  async get(tenantId: string, referenceCode: string): Promise<StoredHelpRequest | undefined> {
    return (await this.requests.get(tenantId, referenceCode))?.value;
  }

  /**
   * A request as one person may know it. Undefined both when there is none and when they are a
   * stranger to it, after the same single read, so a reference code tells a stranger nothing.
   */
  async getFor(
    tenantId: string,
    referenceCode: string,
    viewer: RequestViewer,
  ): Promise<{ request: StoredHelpRequest; standing: Exclude<RequestStanding, "stranger"> } | undefined> {
    const request = await this.get(tenantId, referenceCode);
    const standing = request ? standingOf(request, viewer) : "stranger";
    return request && standing !== "stranger" ? { request, standing } : undefined;
  }

  /**
   * Applies a status change as one conditional write: of several people acting at once, exactly
   * one wins, and the others are told why not (for claims, "already claimed").
   */
  async act(
    tenantId: string,
    referenceCode: string,
    action: RequestAction,
    actor: RequestActor,
  ): Promise<{ ok: true; request: StoredHelpRequest } | { ok: false; refusal: RequestActRefusal }> {
    const document = await this.requests.get(tenantId, referenceCode);
    if (!document) return { ok: false, refusal: "not_found" };
    const current = document.value;
    // A stranger hears what they would for a code never issued; only those involved learn why not.
    if (standingOf(current, actor) === "stranger") return { ok: false, refusal: "not_found" };
    const result = transition(
      { status: current.status, requesterId: current.requesterId, ...(current.claimedBy ? { claimedBy: current.claimedBy } : {}) },
      action,
      actor,
    );
    if (!result.ok) return result;
    const { claimedBy: _previousClaimer, ...rest } = current;
    const at = this.now().toISOString();
    const next: StoredHelpRequest = {
      ...rest,
      status: result.state.status,
      ...(result.state.claimedBy ? { claimedBy: result.state.claimedBy } : {}),
      // Kept on the request itself so insights need not scan every audit trail to time claims.
      ...(action === "claim" && !current.claimedAt ? { claimedAt: at } : {}),
      updatedAt: at,
    };
    try {
      await this.requests.replace(tenantId, referenceCode, next, {
        ifMatch: document.etag,
        ...(isClosed(next.status) ? { ttlSeconds: this.retentionSeconds() } : {}),
      });
    } catch (error) {
      if (error instanceof ConflictError) return { ok: false, refusal: action === "claim" ? "already_claimed" : "illegal_transition" };
      throw error;
    }
    await this.audit(tenantId, referenceCode, actor.userId, action, isClosed(next.status));
    // The trail goes with the request: once it closes, its entries carry the same retention.
    if (isClosed(next.status)) await this.expireAuditTrail(tenantId, referenceCode);
    return { ok: true, request: next };
  }

  /** Tenants that have ever had a request, so background work knows where to look. */
  async tenantsWithRequests(): Promise<string[]> {
    const documents = await this.tenants.query(SYSTEM_PARTITION);
    return documents.map((document) => document.value.tenantId);
  }

  private async registerTenant(tenantId: string): Promise<void> {
    if (await this.tenants.get(SYSTEM_PARTITION, `tenant-${tenantId}`)) return;
    await this.tenants.create(SYSTEM_PARTITION, `tenant-${tenantId}`, { kind: "tenant", tenantId }).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }

  /** A relayed message is recorded (who and when), never its words. */
  async recordRelay(tenantId: string, referenceCode: string, senderId: string): Promise<void> {
    await this.audit(tenantId, referenceCode, senderId, "relay", await this.isClosedRequest(tenantId, referenceCode));
  }

  /** Opening a request's content is itself recorded in its audit trail. */
  async recordView(tenantId: string, referenceCode: string, viewerId: string): Promise<void> {
    await this.audit(tenantId, referenceCode, viewerId, "view", await this.isClosedRequest(tenantId, referenceCode));
  }

  /** Every entry of a request's audit trail, oldest first: who did what, when; never any content. */
  async auditTrail(tenantId: string, referenceCode: string): Promise<AuditEntry[]> {
    const entries = await this.audits.query(tenantId, { where: { requestCode: referenceCode } });
    return entries.map((entry) => entry.value).sort((a, b) => a.at.localeCompare(b.at));
  }

  /** One page of open, claimed and in-conversation requests, most urgent first, for the tab's queue. */
  async activeRequests(tenantId: string, continuation?: string): Promise<RequestPage> {
    return activePage(this.store, tenantId, continuation);
  }

  /** Claimed and in-conversation requests per supporter, for the roster's caseloads. */
  activeCaseCounts(tenantId: string): Promise<Map<string, number>> {
    return activeCaseCounts(this.store, tenantId);
  }

  /** When each crisis request a supporter has claimed last changed. */
  claimedCrisisUpdates(tenantId: string, supporterId: string): Promise<string[]> {
    return claimedCrisisUpdates(this.store, tenantId, supporterId);
  }

  /** Open requests of a tenant, most urgent first, for the supporters' queue. */
  async openRequests(tenantId: string): Promise<StoredHelpRequest[]> {
    const documents = await this.requests.query(tenantId, { where: { status: "open" } });
    return sortByUrgency(documents.map((document) => document.value));
  }

  private auditEntry(requestCode: string, actorId: string, action: string): AuditEntry {
    return { kind: "audit", requestCode, actorId, action, at: this.now().toISOString() };
  }

  private async audit(tenantId: string, requestCode: string, actorId: string, action: string, closed = false): Promise<void> {
    await this.audits.create(
      tenantId,
      `${requestCode}-${randomUUID()}`,
      this.auditEntry(requestCode, actorId, action),
      closed ? { ttlSeconds: this.retentionSeconds() } : {},
    );
  }

  private async expireAuditTrail(tenantId: string, requestCode: string): Promise<void> {
    const entries = await this.audits.query(tenantId, { where: { requestCode } });
    for (const entry of entries) {
      await this.audits
        .replace(tenantId, entry.id, entry.value, { ifMatch: entry.etag, ttlSeconds: this.retentionSeconds() })
        .catch(() => undefined); // Written again meanwhile by another instance: it set the same retention.
    }
  }

  private async isClosedRequest(tenantId: string, referenceCode: string): Promise<boolean> {
    const request = await this.get(tenantId, referenceCode);
    return request ? isClosed(request.status) : false;
  }

  private retentionSeconds(): number {
    return this.retentionDays * 86_400;
  }
}
