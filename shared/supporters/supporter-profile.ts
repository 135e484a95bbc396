import { z } from "zod";
import { isLocalDate } from "../zoned-time.js";

/** What an admin records about a peer supporter on the roster. Validated the same in the tab and the API. */
export const supporterProfileSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(80).optional(),
  trainedOn: z.string().refine(isLocalDate, "is not a date written YYYY-MM-DD").optional(),
  /** Language tags such as "en" or "pt-BR". */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "is not a language tag such as en or pt-BR"))
    .max(10)
    .default([]),
  bio: z.string().trim().max(300).default(""),
});
export type SupporterProfileInput = z.output<typeof supporterProfileSchema>;

export const supporterSettingsSchema = z.strictObject({
  /** Active requests one supporter may hold before routing passes them by. */
  caseloadCap: z.number().int().min(1).max(50),
});
export type SupporterSettings = z.output<typeof supporterSettingsSchema>;

/** A listed supporter as members see them in the directory. */
export interface DirectoryEntry {
  userId: string;
  displayName: string;
  bio: string;
  languages: string[];
  onDuty: boolean;
}

/** A supporter as admins see them on the roster. */
export interface RosterEntry extends DirectoryEntry {
  listed: boolean;
  trainedOn?: string;
  refresherDue?: string;
  trainingStatus: "untrained" | "current" | "due_soon" | "overdue";
  activeCases: number;
  reachable: boolean;
}

/** A supporter's own view of their load, and a reminder of their own support after a crisis. */
export interface MyCaseload {
  activeCases: number;
  caseloadCap: number;
  atCap: boolean;
  crisisRecently: boolean;
  /** Whether new requests are sent to them (the bot's "on duty", or the tab's switch). */
  onDuty: boolean;
  trainedOn?: string;
  refresherDue?: string;
  trainingStatus: RosterEntry["trainingStatus"];
}
