import type { Role } from "./roles.js";

/** Who is calling, as proven by a validated token or bot activity. Never built from a request body. */
export interface CallerIdentity {
  tenantId: string;
  userId: string;
  displayName?: string;
  roles: Role[];
}
