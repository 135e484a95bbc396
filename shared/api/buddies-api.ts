import type { AdminBuddyPairing } from "../circles/buddy-programme.js";

/** GET /api/buddies/pairings: the active pairings, for admins. */
export interface BuddyPairingListResponse {
  pairings: AdminBuddyPairing[];
}
