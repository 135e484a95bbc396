/** The four roles of the programme, per tenant. Every signed-in person is at least a member. */
export const ROLES = ["member", "facilitator", "supporter", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin can grant; membership is implicit for everyone in the tenant. */
export const GRANTABLE_ROLES = ["facilitator", "supporter", "admin"] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * The effective roles of a person: membership always, the roles granted in the tenant, and admin
 * for the bootstrap admins named in configuration.
 */
export function effectiveRoles(granted: readonly Role[], isBootstrapAdmin: boolean): Role[] {
  const roles = new Set<Role>(["member", ...granted]);
  if (isBootstrapAdmin) roles.add("admin");
  return ROLES.filter((role) => roles.has(role));
}

export function hasRole(roles: readonly Role[], required: Role): boolean {
  return roles.includes(required);
}
