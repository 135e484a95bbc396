import { z } from "zod";
import type { RequestStatus } from "./request-status.js";

export const REQUEST_CATEGORIES = ["workload", "conflict", "wellbeing", "something_happened", "other"] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

/** What the requester can choose; `crisis` is only ever set by screening. */
export const CHOSEN_URGENCIES = ["can_wait", "soon", "today"] as const;
export type RequestUrgency = (typeof CHOSEN_URGENCIES)[number] | "crisis";

export const SUPPORTER_PREFERENCES = ["any", "specific", "professional"] as const;
export const CONTACT_METHODS = ["chat", "call", "meet"] as const;
export const MAX_REQUEST_TEXT = 2000;

/** Adaptive Card toggles send "true"/"false" strings; the API sends booleans. Both are accepted. */
const booleanInput = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

/** The request form, as submitted from the bot's card or the tab. Unknown fields are refused. */
export const requestFormSchema = z
  .object({
    category: z.enum(REQUEST_CATEGORIES),
    urgency: z.enum(CHOSEN_URGENCIES),
    preference: z.enum(SUPPORTER_PREFERENCES),
    preferredSupporterId: z.string().max(64).optional(),
    contact: z.enum(CONTACT_METHODS),
    text: z.string().max(MAX_REQUEST_TEXT).optional(),
    shareName: booleanInput,
  })
  .strict()
  .refine((form) => form.preference !== "specific" || Boolean(form.preferredSupporterId), {
    path: ["preferredSupporterId"],
    message: "choose the supporter you would like",
  });

export type RequestForm = z.output<typeof requestFormSchema>;

/**
 * A stored request. It keeps the requester's ids and conversation reference (to reply), their name
 * only if they chose to share it, and never their UPN or e-mail.
 */
export interface HelpRequest {
  [key: string]: unknown;
  kind: "helpRequest";
  referenceCode: string;
  requesterId: string;
  requesterName?: string | undefined;
  category: RequestCategory;
  urgency: RequestUrgency;
  preference: (typeof SUPPORTER_PREFERENCES)[number];
  preferredSupporterId?: string | undefined;
  contact: (typeof CONTACT_METHODS)[number];
  text?: string | undefined;
  anonymous: boolean;
  crisis: boolean;
  riskReasons: string[];
  status: RequestStatus;
  claimedBy?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

// No 0/O or 1/I/L: codes are read aloud and typed by people.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** The shape of every reference code, for validating codes that come back from cards and the tab. */
export const REFERENCE_CODE_PATTERN = /^PC-[2-9A-HJKMNP-Z]{6}$/;

export function isReferenceCode(value: unknown): value is string {
  return typeof value === "string" && REFERENCE_CODE_PATTERN.test(value);
}

/** A short code the requester can quote, e.g. "PC-7KQ4X2". Random bytes are passed in to stay pure. */
export function referenceCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < 6) throw new RangeError("six random bytes are needed");
  const characters = Array.from(randomBytes.slice(0, 6), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]);
  return `PC-${characters.join("")}`;
}
