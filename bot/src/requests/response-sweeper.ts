import { escalationStage, type EscalationStage } from "../../../shared/index.js";
import { DEFAULT_RESPONSE_POLICY, type ResponsePolicy, type ResponsePolicyStore } from "./response-policy.js";
import type { DocumentStore } from "../storage/document-store.js";
import { reminderMarkers, sweeperLeases, type SweeperLease } from "./request-documents.js";
import { ConflictError } from "../storage/store-errors.js";
import type { StoredHelpRequest } from "./request-service.js";
import { SYSTEM_PARTITION, type RequestService } from "./request-service.js";

/** Who gets told what when a response target is missed; the bot's messenger does the sending. */
export interface EscalationNotifier {
  resendToAllSupporters(tenantId: string, request: StoredHelpRequest): Promise<void>;
  notifyAdmins(tenantId: string, request: StoredHelpRequest): Promise<void>;
  tellRequesterChased(request: StoredHelpRequest): Promise<void>;
}

export interface SweeperOptions {
  store: DocumentStore;
  requests: RequestService;
  notifier: EscalationNotifier;
  instanceId: string;
  now: () => Date;
  /** Each tenant's targets and calendar; without it, the product defaults apply everywhere. */
  policies?: ResponsePolicyStore;
  leaseMs?: number;
}

const LEASE_ID = "response-sweeper-lease";
/** Markers outlive any open request's escalation, then go. */
const MARKER_TTL_SECONDS = 400 * 86_400;

/** Open requests looked at between two yields to the event loop. */
const YIELD_EVERY = 100;

/**
 * Chases requests nobody has claimed in time. Several server instances may run it: a lease
 * document (conditional writes on its ETag) lets one sweep at a time, and a marker per request and
 * stage, created only if absent, makes each reminder go out once even across lease hand-overs.
 */
export class ResponseSweeper {
  constructor(private readonly options: SweeperOptions) {}

  /** One pass over every tenant. Returns how many reminders this instance sent. */
  async sweepOnce(): Promise<number> {
    if (!(await this.acquireLease())) return 0;
    let sent = 0;
    for (const tenantId of await this.options.requests.tenantsWithRequests()) {
      const policy = (await this.options.policies?.get(tenantId)) ?? DEFAULT_RESPONSE_POLICY;
      const open = await this.options.requests.openRequests(tenantId);
      for (const [index, request] of open.entries()) {
        // Working out business-day deadlines costs a few Intl calls per request; with thousands open,
        // one uninterrupted pass held up every API call and event stream (seen in the 9 a.m. soak).
        if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        sent += await this.escalate(tenantId, request, policy);
      }
    }
    return sent;
  }

  private async escalate(tenantId: string, request: StoredHelpRequest, policy: ResponsePolicy): Promise<number> {
    const stage = escalationStage(
      Date.parse(request.createdAt),
      this.options.now().getTime(),
      request.urgency,
      policy.targets,
      policy.calendar,
    );
    if (stage === "on_time") return 0;
    if (!(await this.claimReminder(tenantId, request.referenceCode, stage))) return 0;
    if (stage === "resend_supporters") {
      await this.options.notifier.resendToAllSupporters(tenantId, request);
      await this.options.notifier.tellRequesterChased(request);
    } else {
      await this.options.notifier.notifyAdmins(tenantId, request);
    }
    return 1;
  }

  /** True for exactly one caller per request and stage, whichever instance it runs on. */
  private async claimReminder(tenantId: string, code: string, stage: EscalationStage): Promise<boolean> {
    try {
      const marker = { kind: "reminder" as const, code, stage, by: this.options.instanceId };
      await reminderMarkers(this.options.store).create(tenantId, `reminder-${code}-${stage}`, marker, { ttlSeconds: MARKER_TTL_SECONDS });
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  private async acquireLease(): Promise<boolean> {
    const now = this.options.now().getTime();
    const lease: SweeperLease = { kind: "lease", holder: this.options.instanceId, expiresAt: now + (this.options.leaseMs ?? 60_000) };
    const leases = sweeperLeases(this.options.store);
    const current = await leases.get(SYSTEM_PARTITION, LEASE_ID);
    try {
      if (!current) await leases.create(SYSTEM_PARTITION, LEASE_ID, lease);
      else if (current.value.holder === this.options.instanceId || current.value.expiresAt <= now) {
        await leases.replace(SYSTEM_PARTITION, LEASE_ID, lease, { ifMatch: current.etag });
      } else return false;
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}
