import { createHash } from "node:crypto";
import type { BuddyCheckIn, BuddyOfferInput, BuddyRequestInput } from "../../../shared/circles/buddy-programme.js";
import type { PersonRef } from "../../../shared/circles/circle-programme.js";
import { z } from "zod";
import { collection, type Collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";

/**
 * How buddies are stored: in the "circles" container, one offer and one request per person at most,
 * and a pairing per match. The request (with its manager and avoid entries) is deleted once the
 * newcomer is paired; the pairing keeps only names, zones and the suggested check-in.
 *
 * Kinds are spelled in camelCase like every other document's. Until 2026-12 they were spelled
 * `buddy-offer`, `buddy-request`, `buddy-pairing` and `buddy-match-lock`; documents on disk may
 * still say so, and are read (and queried) under either spelling; every write uses the new one.
 */

export const BUDDY_CONTAINER = "circles";
const MAX_DOCUMENTS = 1000;

/** Pairing ids are ours; anything else is refused before it reaches the store. */
export const PAIRING_ID_PATTERN = /^buddy-pairing-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PersonOnRecord extends PersonRef {
  /** Lower-cased sign-in name, so a newcomer can name their manager by email. */
  signInName?: string;
}

export interface OfferDocument {
  [key: string]: unknown;
  kind: "buddyOffer";
  userId: string;
  displayName: string;
  signInName?: string | undefined;
  answer: BuddyOfferInput;
  updatedAt: string;
}

export interface RequestDocument {
  [key: string]: unknown;
  kind: "buddyRequest";
  userId: string;
  displayName: string;
  signInName?: string | undefined;
  answer: BuddyRequestInput;
  updatedAt: string;
}

/** One side of a pairing, with the zone they gave so the bot can show times on their clock. */
export interface BuddyParty extends PersonRef {
  timeZone: string;
}

export interface BuddyPairingDocument {
  [key: string]: unknown;
  kind: "buddyPairing";
  id: string;
  newcomer: BuddyParty;
  buddy: BuddyParty;
  checkIn: BuddyCheckIn;
  /** Ended pairings stay for a while, with no reason, so the same two are not paired again. */
  status: "active" | "ended";
  createdAt: string;
  endedAt?: string | undefined;
}

const hashed = (prefix: string, userId: string) => `${prefix}-${createHash("sha256").update(userId).digest("hex").slice(0, 40)}`;
export const offerId = (userId: string) => hashed("buddy-offer", userId);
export const requestId = (userId: string) => hashed("buddy-request", userId);

export const isParty = (pairing: BuddyPairingDocument, userId: string) =>
  pairing.newcomer.userId === userId || pairing.buddy.userId === userId;

const personFields = { userId: z.string(), displayName: z.string(), signInName: z.string().optional(), updatedAt: z.string() };

const offerSchema: z.ZodType<OfferDocument> = z.looseObject({
  kind: z.literal("buddyOffer"),
  ...personFields,
  answer: z.looseObject({ timeZone: z.string(), windows: z.array(z.string()), capacity: z.number(), team: z.string().optional() }),
});

const requestSchema: z.ZodType<RequestDocument> = z.looseObject({
  kind: z.literal("buddyRequest"),
  ...personFields,
  answer: z.looseObject({
    timeZone: z.string(),
    windows: z.array(z.string()),
    team: z.string().optional(),
    managerId: z.string().optional(),
    avoid: z.array(z.string()),
  }),
});

const party = z.looseObject({ userId: z.string(), displayName: z.string(), timeZone: z.string() });

const pairingSchema: z.ZodType<BuddyPairingDocument> = z.looseObject({
  kind: z.literal("buddyPairing"),
  id: z.string(),
  newcomer: party,
  buddy: party,
  checkIn: z.looseObject({ start: z.string(), end: z.string() }),
  status: z.enum(["active", "ended"]),
  createdAt: z.string(),
  endedAt: z.string().optional(),
});

/** Held while one matching run is under way in a tenant (with a short time-to-live). */
export interface MatchLockDocument {
  kind: "buddyMatchLock";
  startedAt: string;
}

const matchLockSchema: z.ZodType<MatchLockDocument> = z.looseObject({ kind: z.literal("buddyMatchLock"), startedAt: z.string() });

export const buddyOffers = (store: DocumentStore) =>
  collection(store, BUDDY_CONTAINER, "buddyOffer", offerSchema, { legacyKinds: ["buddy-offer"] });
export const buddyRequests = (store: DocumentStore) =>
  collection(store, BUDDY_CONTAINER, "buddyRequest", requestSchema, { legacyKinds: ["buddy-request"] });
export const buddyPairings = (store: DocumentStore) =>
  collection(store, BUDDY_CONTAINER, "buddyPairing", pairingSchema, { legacyKinds: ["buddy-pairing"] });
export const buddyMatchLocks = (store: DocumentStore) =>
  collection(store, BUDDY_CONTAINER, "buddyMatchLock", matchLockSchema, { legacyKinds: ["buddy-match-lock"] });

export const MAX_BUDDY_DOCUMENTS = MAX_DOCUMENTS;

/** Creates or replaces a person's own document; a concurrent change surfaces as ConflictError. */
export async function upsert<T extends { kind: string }>(
  documents: Collection<T>,
  tenantId: string,
  id: string,
  document: T,
): Promise<void> {
  const existing = await documents.get(tenantId, id);
  if (existing) await documents.replace(tenantId, id, document, { ifMatch: existing.etag });
  else await documents.create(tenantId, id, document);
}
