import type { DirectoryEntry, RosterEntry } from "../supporters/supporter-profile.js";

/** GET /api/supporters: who supports, as everyone may see them. */
export interface SupporterDirectoryResponse {
  supporters: DirectoryEntry[];
}

/** PUT /api/admin/supporter-settings, and part of the roster: how many open requests one supporter may hold. */
export interface CaseloadCapResponse {
  caseloadCap: number;
}

/** GET /api/admin/supporters. */
export interface SupporterRosterResponse extends CaseloadCapResponse {
  supporters: RosterEntry[];
}

/**
 * PUT /api/admin/supporters/:userId: the person's roster entry after the save, or null while they
 * do not hold the supporter role, since the roster lists role holders only.
 */
export type SavedSupporterResponse = RosterEntry | null;
