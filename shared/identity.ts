import type { Role } from "./roles.js";

/** Who is calling, as proven by a validated token or bot activity. Never built from a request body. */
export interface CallerIdentity {
  tenantId: string;
  userId: string;
  displayName?: string;
  /** The sign-in name from the token (usually the work email), used only to match people by address. */
  signInName?: string;
  roles: Role[];
}
