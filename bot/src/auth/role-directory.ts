import { effectiveRoles, GRANTABLE_ROLES, type GrantableRole, type Role } from "../../../shared/index.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

interface RoleAssignment {
  [key: string]: string | string[];
  kind: "roleAssignment";
  userId: string;
  roles: GrantableRole[];
  updatedBy: string;
  updatedAt: string;
}

export interface RoleAssignmentView {
  userId: string;
  roles: GrantableRole[];
  updatedAt: string;
}

const documentId = (userId: string) => `role-${userId}`;
const MAX_WRITE_ATTEMPTS = 5;

/** Roles per tenant, kept in the `settings` container. Bootstrap admins come from configuration. */
export class RoleDirectory {
  constructor(
    private readonly store: DocumentStore,
    private readonly bootstrapAdmins: readonly string[],
  ) {}

  async rolesOf(tenantId: string, userId: string): Promise<Role[]> {
    const assignment = await this.store.get<RoleAssignment>("settings", tenantId, documentId(userId));
    const granted = (assignment?.value.roles ?? []).filter((role) => (GRANTABLE_ROLES as readonly string[]).includes(role));
    return effectiveRoles(granted, this.bootstrapAdmins.includes(userId));
  }

  async list(tenantId: string): Promise<RoleAssignmentView[]> {
    const assignments = await this.store.query<RoleAssignment>("settings", tenantId, { where: { kind: "roleAssignment" } });
    return assignments.map(({ value }) => ({ userId: value.userId, roles: value.roles, updatedAt: value.updatedAt }));
  }

  /** Sets the granted roles of one person, retrying when another admin wrote at the same moment. */
  async assign(tenantId: string, userId: string, roles: readonly GrantableRole[], updatedBy: string): Promise<RoleAssignmentView> {
    const value: RoleAssignment = {
      kind: "roleAssignment",
      userId,
      roles: GRANTABLE_ROLES.filter((role) => roles.includes(role)),
      updatedBy,
      updatedAt: new Date().toISOString(),
    };
    for (let attempt = 1; ; attempt++) {
      const existing = await this.store.get<RoleAssignment>("settings", tenantId, documentId(userId));
      try {
        if (existing) await this.store.replace("settings", tenantId, documentId(userId), value, { ifMatch: existing.etag });
        else await this.store.create("settings", tenantId, documentId(userId), value);
        return { userId, roles: value.roles, updatedAt: value.updatedAt };
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }
}
