import { createHash, randomUUID } from "node:crypto";
import { matchBuddies, type BuddyUnmatchedReason } from "../../../shared/circles/buddy-matching.js";
import { checkInAt, utcCells } from "../../../shared/circles/buddy-windows.js";
import type { PersonRef } from "../../../shared/circles/circle-programme.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import {
  buddyMatchLocks,
  buddyOffers,
  buddyPairings,
  buddyRequests,
  MAX_BUDDY_DOCUMENTS,
  type BuddyPairingDocument,
} from "./buddy-documents.js";

/** A day's notice, so both people have read the bot's message before the suggested check-in. */
export const CHECK_IN_LEAD_HOURS = 24;
const LOCK_ID = "buddy-match-lock";
/** Outlives any real run; if a server dies mid-run, matching is possible again after this. */
const LOCK_SECONDS = 120;

export interface MatchRun {
  created: BuddyPairingDocument[];
  unmatched: (PersonRef & { reason: BuddyUnmatchedReason })[];
}

/**
 * One matching run: open requests against offers with room, through the pure matcher. Returns
 * undefined when another run is under way, because two runs at once could each fill the same
 * buddy's last place.
 */
export async function matchOpenRequests(store: DocumentStore, tenantId: string, now: Date): Promise<MatchRun | undefined> {
  try {
    await buddyMatchLocks(store).create(
      tenantId,
      LOCK_ID,
      { kind: "buddyMatchLock", startedAt: now.toISOString() },
      { ttlSeconds: LOCK_SECONDS },
    );
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
  try {
    return await run(store, tenantId, now);
  } finally {
    await buddyMatchLocks(store).delete(tenantId, LOCK_ID);
  }
}

async function run(store: DocumentStore, tenantId: string, now: Date): Promise<MatchRun> {
  const [offers, requests, pairings] = await Promise.all([
    buddyOffers(store).query(tenantId, { limit: MAX_BUDDY_DOCUMENTS }),
    buddyRequests(store).query(tenantId, { limit: MAX_BUDDY_DOCUMENTS }),
    buddyPairings(store).query(tenantId, { limit: MAX_BUDDY_DOCUMENTS }),
  ]);
  const active = pairings.map(({ value }) => value).filter((pairing) => pairing.status === "active");

  // A request left behind by an interrupted run belongs to someone already paired: tidy it away.
  const paired = new Set(active.map((pairing) => pairing.newcomer.userId));
  const open = [];
  for (const request of requests) {
    if (paired.has(request.value.userId))
      await buddyRequests(store)
        .delete(tenantId, request.id)
        .catch(() => false);
    else open.push(request);
  }

  // Check-ins are suggested from a day ahead, and everyone's windows are read for that same week.
  const from = new Date(now.getTime() + CHECK_IN_LEAD_HOURS * 3_600_000);
  // A manager or avoid entry may be an email address or an object id; both must keep people apart.
  const idByAddress = new Map(
    [...offers, ...open].flatMap(({ value }) => (value.signInName ? [[value.signInName, value.userId] as const] : [])),
  );
  const idOf = (entry: string) => idByAddress.get(entry.trim().toLowerCase()) ?? entry.trim();
  // Anyone a person has been paired with before, including pairings someone ended, is not suggested again.
  const earlierPartners = (userId: string) =>
    pairings.flatMap(({ value }) =>
      value.newcomer.userId === userId ? [value.buddy.userId] : value.buddy.userId === userId ? [value.newcomer.userId] : [],
    );

  const result = matchBuddies({
    newcomers: open.map(({ value }) => ({
      id: value.userId,
      team: value.answer.team,
      windows: utcCells(value.answer.windows, value.answer.timeZone, from),
      managerId: value.answer.managerId ? idOf(value.answer.managerId) : undefined,
      avoid: [...value.answer.avoid.map(idOf), ...earlierPartners(value.userId)],
    })),
    buddies: offers.map(({ value }) => ({
      id: value.userId,
      team: value.answer.team,
      windows: utcCells(value.answer.windows, value.answer.timeZone, from),
      capacity: value.answer.capacity,
      current: active.filter((pairing) => pairing.buddy.userId === value.userId).length,
    })),
    seed: createHash("sha256").update(`${tenantId}:${from.toISOString()}`).digest().readUInt32BE(0),
  });

  const requestOf = new Map(open.map((request) => [request.value.userId, request]));
  const offerOf = new Map(offers.map((offer) => [offer.value.userId, offer.value]));
  const created: BuddyPairingDocument[] = [];
  for (const pair of result.pairs) {
    const request = requestOf.get(pair.newcomerId)!;
    const offer = offerOf.get(pair.buddyId)!;
    const checkIn = checkInAt(pair.window, from);
    const pairing: BuddyPairingDocument = {
      kind: "buddyPairing",
      id: `buddy-pairing-${randomUUID()}`,
      newcomer: { userId: request.value.userId, displayName: request.value.displayName, timeZone: request.value.answer.timeZone },
      buddy: { userId: offer.userId, displayName: offer.displayName, timeZone: offer.answer.timeZone },
      checkIn: { start: checkIn.start.toISOString(), end: checkIn.end.toISOString() },
      status: "active",
      createdAt: now.toISOString(),
    };
    // Taking the request as it was read is what honours a newcomer who withdrew or changed it meanwhile.
    if (!(await takeRequest(store, tenantId, request))) continue;
    await buddyPairings(store).create(tenantId, pairing.id, pairing);
    created.push(pairing);
  }
  const nameOf = new Map(open.map(({ value }) => [value.userId, value.displayName]));
  return {
    created,
    unmatched: result.unmatched.map(({ newcomerId, reason }) => ({
      userId: newcomerId,
      displayName: nameOf.get(newcomerId) ?? "",
      reason,
    })),
  };
}

async function takeRequest(store: DocumentStore, tenantId: string, request: { id: string; etag: string }): Promise<boolean> {
  try {
    return await buddyRequests(store).delete(tenantId, request.id, { ifMatch: request.etag });
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
