import { createHash } from "node:crypto";
import type { BuddyCheckIn, BuddyOfferInput, BuddyRequestInput } from "../../../shared/circles/buddy-programme.js";
import type { PersonRef } from "../../../shared/circles/circle-programme.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";

/**
 * How buddies are stored: in the "circles" container, one offer and one request per person at most,
 * and a pairing per match. The request (with its manager and avoid entries) is deleted once the
 * newcomer is paired; the pairing keeps only names, zones and the suggested check-in.
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
  kind: "buddy-offer";
  userId: string;
  displayName: string;
  signInName?: string;
  answer: BuddyOfferInput;
  updatedAt: string;
}

export interface RequestDocument {
  [key: string]: unknown;
  kind: "buddy-request";
  userId: string;
  displayName: string;
  signInName?: string;
  answer: BuddyRequestInput;
  updatedAt: string;
}

/** One side of a pairing, with the zone they gave so the bot can show times on their clock. */
export interface BuddyParty extends PersonRef {
  timeZone: string;
}

export interface BuddyPairingDocument {
  [key: string]: unknown;
  kind: "buddy-pairing";
  id: string;
  newcomer: BuddyParty;
  buddy: BuddyParty;
  checkIn: BuddyCheckIn;
  /** Ended pairings stay for a while, with no reason, so the same two are not paired again. */
  status: "active" | "ended";
  createdAt: string;
  endedAt?: string;
}

const hashed = (prefix: string, userId: string) => `${prefix}-${createHash("sha256").update(userId).digest("hex").slice(0, 40)}`;
export const offerId = (userId: string) => hashed("buddy-offer", userId);
export const requestId = (userId: string) => hashed("buddy-request", userId);

export const isParty = (pairing: BuddyPairingDocument, userId: string) =>
  pairing.newcomer.userId === userId || pairing.buddy.userId === userId;

export async function documentsOf<T>(
  store: DocumentStore,
  tenantId: string,
  kind: "buddy-offer" | "buddy-request" | "buddy-pairing",
): Promise<{ id: string; etag: string; value: T }[]> {
  const stored = await store.query<JsonObject>(BUDDY_CONTAINER, tenantId, { where: { kind }, limit: MAX_DOCUMENTS });
  return stored.map(({ id, etag, value }) => ({ id, etag, value: value as unknown as T }));
}

/** Creates or replaces a person's own document; a concurrent change surfaces as ConflictError. */
export async function upsert(store: DocumentStore, tenantId: string, id: string, document: object): Promise<void> {
  const existing = await store.get(BUDDY_CONTAINER, tenantId, id);
  if (existing) await store.replace(BUDDY_CONTAINER, tenantId, id, document as JsonObject, { ifMatch: existing.etag });
  else await store.create(BUDDY_CONTAINER, tenantId, id, document as JsonObject);
}
