import {
  CRISIS_NUDGE_DAYS,
  DEFAULT_CASELOAD_CAP,
  hasCaseloadRoom,
  refresherDue,
  trainingStatus,
  type TrainingStatus,
} from "../../../shared/supporters/supporter-roster.js";
import type { DirectoryEntry, MyCaseload, RosterEntry, SupporterProfileInput } from "../../../shared/supporters/supporter-profile.js";
import { hasRole, type GrantableRole } from "../../../shared/index.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { RequestService } from "../requests/request-service.js";
import type { SupporterPresence, SupporterRegistry } from "../requests/supporter-registry.js";
import { z } from "zod";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";

const SETTINGS_ID = "supporter-settings";

interface SupporterSettings {
  kind: "supporterSettings";
  caseloadCap: number;
}

const supporterSettingsSchema: z.ZodType<SupporterSettings> = z.looseObject({
  kind: z.literal("supporterSettings"),
  caseloadCap: z.number().int().positive(),
});

/**
 * The supporters' side of the programme: the admins' roster (training, refreshers), the members'
 * directory (only those who chose to be listed), and each supporter's caseload, whose cap takes
 * them out of routing so nobody carries more than the programme thinks is healthy.
 */
export class SupporterRosterService {
  private readonly settings;

  constructor(
    store: DocumentStore,
    private readonly supporters: SupporterRegistry,
    private readonly roles: RoleDirectory,
    private readonly requests: RequestService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = collection(store, "settings", "supporterSettings", supporterSettingsSchema);
  }

  async caseloadCap(tenantId: string): Promise<number> {
    const stored = await this.settings.get(tenantId, SETTINGS_ID);
    return stored?.value.caseloadCap ?? DEFAULT_CASELOAD_CAP;
  }

  async setCaseloadCap(tenantId: string, caseloadCap: number): Promise<number> {
    const existing = await this.settings.get(tenantId, SETTINGS_ID);
    const value: SupporterSettings = { kind: "supporterSettings", caseloadCap };
    if (existing) await this.settings.replace(tenantId, SETTINGS_ID, value, { ifMatch: existing.etag });
    else await this.settings.create(tenantId, SETTINGS_ID, value);
    return caseloadCap;
  }

  /** Active (claimed or in conversation) requests per supporter, as the requests module counts them. */
  activeCases(tenantId: string): Promise<Map<string, number>> {
    return this.requests.activeCaseCounts(tenantId);
  }

  /** Those of `candidates` with room for another request; the rest are not told about new ones. */
  async withRoom<T extends { userId: string }>(tenantId: string, candidates: readonly T[]): Promise<T[]> {
    // Most intakes find nobody on duty; then there is no caseload to read at all.
    if (candidates.length === 0) return [];
    const [cap, cases] = await Promise.all([this.caseloadCap(tenantId), this.activeCases(tenantId)]);
    return candidates.filter((candidate) => hasCaseloadRoom(cases.get(candidate.userId) ?? 0, cap));
  }

  async directory(tenantId: string): Promise<DirectoryEntry[]> {
    const entries: DirectoryEntry[] = [];
    for (const presence of await this.supporters.all(tenantId)) {
      if (!presence.listed || !presence.displayName) continue;
      if (!hasRole(await this.roles.rolesOf(tenantId, presence.userId), "supporter")) continue;
      entries.push(this.directoryEntry(presence));
    }
    return entries.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Every rostered supporter's training standing, without the caseload scan the full roster needs. */
  async trainingStandings(tenantId: string, today: string): Promise<TrainingStatus[]> {
    const [assignments, presences] = await Promise.all([this.roles.list(tenantId), this.supporters.all(tenantId)]);
    const trainedOn = new Map(presences.map((presence) => [presence.userId, presence.trainedOn]));
    return assignments
      .filter((assignment) => assignment.roles.includes("supporter"))
      .map((assignment) => trainingStatus(trainedOn.get(assignment.userId), today));
  }

  async roster(tenantId: string, today: string): Promise<RosterEntry[]> {
    const [assignments, presences, cases] = await Promise.all([
      this.roles.list(tenantId),
      this.supporters.all(tenantId),
      this.activeCases(tenantId),
    ]);
    const presenceOf = new Map(presences.map((presence) => [presence.userId, presence]));
    return assignments
      .filter((assignment) => assignment.roles.includes("supporter"))
      .map((assignment) => {
        const presence = presenceOf.get(assignment.userId) ?? {
          kind: "supporter",
          userId: assignment.userId,
          onDuty: false,
          updatedAt: "",
        };
        return {
          ...this.directoryEntry(presence as SupporterPresence),
          listed: Boolean(presence.listed),
          ...(presence.trainedOn ? { trainedOn: presence.trainedOn, refresherDue: refresherDue(presence.trainedOn) } : {}),
          trainingStatus: trainingStatus(presence.trainedOn, today),
          activeCases: cases.get(assignment.userId) ?? 0,
          reachable: Boolean(presence.conversationReference),
        };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Adds someone to the roster (granting the supporter role) or updates their entry. */
  async saveProfile(tenantId: string, userId: string, profile: SupporterProfileInput, adminId: string): Promise<void> {
    const granted = (await this.roles.rolesOf(tenantId, userId)).filter((role): role is GrantableRole => role !== "member");
    if (!granted.includes("supporter")) await this.roles.assign(tenantId, userId, [...granted, "supporter"], adminId);
    await this.supporters.setProfile(tenantId, userId, profile);
  }

  async mine(tenantId: string, userId: string, today: string): Promise<MyCaseload> {
    const [cap, cases, presence, crisis] = await Promise.all([
      this.caseloadCap(tenantId),
      this.activeCases(tenantId),
      this.supporters.get(tenantId, userId),
      this.requests.claimedCrisisUpdates(tenantId, userId),
    ]);
    const activeCases = cases.get(userId) ?? 0;
    const since = this.now().getTime() - CRISIS_NUDGE_DAYS * 86_400_000;
    const crisisRecently = crisis.some((updatedAt) => Date.parse(updatedAt) >= since);
    return {
      activeCases,
      caseloadCap: cap,
      atCap: !hasCaseloadRoom(activeCases, cap),
      crisisRecently,
      onDuty: presence?.onDuty ?? false,
      ...(presence?.trainedOn ? { trainedOn: presence.trainedOn, refresherDue: refresherDue(presence.trainedOn) } : {}),
      trainingStatus: trainingStatus(presence?.trainedOn, today),
    };
  }

  private directoryEntry(presence: SupporterPresence): DirectoryEntry {
    return {
      userId: presence.userId,
      displayName: presence.displayName ?? "",
      bio: presence.bio ?? "",
      languages: presence.languages ?? [],
      onDuty: presence.onDuty,
    };
  }
}
