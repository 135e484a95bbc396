import type {
  AdminBuddyPairing,
  BuddyOfferInput,
  BuddyPairingView,
  BuddyRequestInput,
  MyBuddies,
} from "../../../shared/circles/buddy-programme.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { revokeCalendarLinks } from "../circles/calendar-links.js";
import {
  buddyOffers,
  buddyPairings,
  buddyRequests,
  isParty,
  MAX_BUDDY_DOCUMENTS,
  offerId,
  PAIRING_ID_PATTERN,
  requestId,
  upsert,
  type BuddyPairingDocument,
  type OfferDocument,
  type PersonOnRecord,
  type RequestDocument,
} from "./buddy-documents.js";
import { matchOpenRequests, type MatchRun } from "./buddy-match.js";

const MAX_END_ATTEMPTS = 5;
/** Long enough that the same two are not paired again soon after one of them ended it. */
const ENDED_PAIRING_TTL_SECONDS = 365 * 86_400;

/** Why the buddy programme refused a step; routes turn each into an HTTP answer (http/refusal-tables.ts). */
export type BuddyRefusal = "already_paired" | "matching";
export type BuddyOutcome<T> = { ok: true; value: T } | { ok: false; refusal: BuddyRefusal };

/**
 * Buddies for new hires: colleagues offer to be one, newcomers ask for one, an admin runs the
 * matching, and either person can end a pairing quietly. Everything a person gave about their
 * manager or who to avoid goes back to them alone.
 */
export class BuddyService {
  private readonly offers;
  private readonly requests;
  private readonly pairingDocuments;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.offers = buddyOffers(store);
    this.requests = buddyRequests(store);
    this.pairingDocuments = buddyPairings(store);
  }

  async offer(tenantId: string, person: PersonOnRecord, answer: BuddyOfferInput): Promise<MyBuddies> {
    const document: OfferDocument = { kind: "buddyOffer", ...recordOf(person), answer, updatedAt: this.now().toISOString() };
    await upsert(this.offers, tenantId, offerId(person.userId), document);
    return this.mine(tenantId, person.userId);
  }

  async withdrawOffer(tenantId: string, userId: string): Promise<boolean> {
    return this.offers.delete(tenantId, offerId(userId));
  }

  /** One buddy at a time: someone already paired as a newcomer ends that pairing before asking again. */
  async request(tenantId: string, person: PersonOnRecord, answer: BuddyRequestInput): Promise<BuddyOutcome<MyBuddies>> {
    const pairings = await this.pairings(tenantId);
    if (pairings.some((pairing) => pairing.status === "active" && pairing.newcomer.userId === person.userId)) {
      return { ok: false, refusal: "already_paired" };
    }
    const document: RequestDocument = { kind: "buddyRequest", ...recordOf(person), answer, updatedAt: this.now().toISOString() };
    await upsert(this.requests, tenantId, requestId(person.userId), document);
    return { ok: true, value: await this.mine(tenantId, person.userId) };
  }

  async withdrawRequest(tenantId: string, userId: string): Promise<boolean> {
    return this.requests.delete(tenantId, requestId(userId));
  }

  async mine(tenantId: string, userId: string): Promise<MyBuddies> {
    const [pairings, offer, request] = await Promise.all([
      this.pairings(tenantId),
      this.offers.get(tenantId, offerId(userId)),
      this.requests.get(tenantId, requestId(userId)),
    ]);
    const active = pairings.filter((pairing) => pairing.status === "active" && isParty(pairing, userId));
    const offerAnswer = offer?.value.answer;
    const requestAnswer = request?.value.answer;
    return {
      pairings: active.map((pairing) => viewFor(pairing, userId)).sort((a, b) => a.since.localeCompare(b.since)),
      ...(offerAnswer
        ? { offer: { ...offerAnswer, activePairings: active.filter((pairing) => pairing.buddy.userId === userId).length } }
        : {}),
      ...(requestAnswer ? { request: requestAnswer } : {}),
    };
  }

  /** Every active pairing, for admins: names and since when, nothing either person said about anyone. */
  async active(tenantId: string): Promise<AdminBuddyPairing[]> {
    return (await this.pairings(tenantId))
      .filter((pairing) => pairing.status === "active")
      .map((pairing) => ({
        id: pairing.id,
        newcomer: { userId: pairing.newcomer.userId, displayName: pairing.newcomer.displayName },
        buddy: { userId: pairing.buddy.userId, displayName: pairing.buddy.displayName },
        since: pairing.createdAt,
      }))
      .sort((a, b) => b.since.localeCompare(a.since));
  }

  /** An active pairing, only for one of its two people; anyone else is told it does not exist. */
  async findForParty(tenantId: string, pairingId: string, userId: string): Promise<BuddyPairingDocument | undefined> {
    if (!PAIRING_ID_PATTERN.test(pairingId)) return undefined;
    const pairing = (await this.pairingDocuments.get(tenantId, pairingId))?.value;
    return pairing?.status === "active" && isParty(pairing, userId) ? pairing : undefined;
  }

  /** Ending is quiet: no reason is asked or kept, and the other person is not messaged. */
  async end(tenantId: string, pairingId: string, userId: string): Promise<boolean> {
    if (!PAIRING_ID_PATTERN.test(pairingId)) return false;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.pairingDocuments.get(tenantId, pairingId);
      const pairing = stored?.value;
      if (!stored || !pairing || pairing.status !== "active" || !isParty(pairing, userId)) return false;
      const ended: BuddyPairingDocument = { ...pairing, status: "ended", endedAt: this.now().toISOString() };
      try {
        await this.pairingDocuments.replace(tenantId, pairingId, ended, {
          ifMatch: stored.etag,
          ttlSeconds: ENDED_PAIRING_TTL_SECONDS,
        });
        // Both people's check-in links end with the pairing.
        await revokeCalendarLinks(this.store, tenantId, { subjectId: pairingId });
        return true;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_END_ATTEMPTS) throw error;
      }
    }
  }

  /** Pairs open requests with offers that have room. One run at a time per tenant. */
  async match(tenantId: string): Promise<BuddyOutcome<MatchRun>> {
    const run = await matchOpenRequests(this.store, tenantId, this.now());
    return run ? { ok: true, value: run } : { ok: false, refusal: "matching" };
  }

  /** Everything stored about one person's buddies, for their own data export. */
  async exportFor(tenantId: string, userId: string): Promise<MyBuddies & { endedPairings: number }> {
    const ended = (await this.pairings(tenantId)).filter((pairing) => pairing.status === "ended" && isParty(pairing, userId));
    return { ...(await this.mine(tenantId, userId)), endedPairings: ended.length };
  }

  /** Deletes a person's offer, request and every pairing they are in; the other person is not messaged. */
  async forget(tenantId: string, userId: string): Promise<void> {
    await this.withdrawOffer(tenantId, userId);
    await this.withdrawRequest(tenantId, userId);
    for (const pairing of await this.pairings(tenantId))
      if (isParty(pairing, userId)) {
        await this.pairingDocuments.delete(tenantId, pairing.id);
        await revokeCalendarLinks(this.store, tenantId, { subjectId: pairing.id });
      }
  }

  private async pairings(tenantId: string): Promise<BuddyPairingDocument[]> {
    return (await this.pairingDocuments.query(tenantId, { limit: MAX_BUDDY_DOCUMENTS })).map(({ value }) => value);
  }
}

function recordOf(person: PersonOnRecord): PersonOnRecord {
  return {
    userId: person.userId,
    displayName: person.displayName,
    ...(person.signInName ? { signInName: person.signInName.toLowerCase() } : {}),
  };
}

function viewFor(pairing: BuddyPairingDocument, userId: string): BuddyPairingView {
  const role = pairing.newcomer.userId === userId ? "newcomer" : "buddy";
  const partner = role === "newcomer" ? pairing.buddy : pairing.newcomer;
  return {
    id: pairing.id,
    role,
    partner: { userId: partner.userId, displayName: partner.displayName },
    checkIn: pairing.checkIn,
    since: pairing.createdAt,
  };
}
