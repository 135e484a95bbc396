import { z } from "zod";
import { AppError, GRANTABLE_ROLES, preferencesSchema, type CallerIdentity, type Role } from "../../../shared/index.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { RequestService } from "../requests/request-service.js";
import type { SupporterRegistry } from "../requests/supporter-registry.js";
import type { RoutingDependencies } from "../bot/supporter-routing.js";
import type { ResponsePolicyStore } from "../requests/response-policy.js";
import type { HuddleHub } from "../huddles/huddle-hub.js";
import type { HuddleService } from "../huddles/huddle-service.js";
import type { SharedPresence } from "../huddles/shared-presence.js";
import type { MeetingDirectory } from "../huddles/meeting-directory.js";
import type { HuddleSummaryPoster } from "../huddles/meeting-chat.js";
import type { HuddleTemplateLibrary } from "../huddles/template-library.js";
import type { CircleService } from "../circles/circle-service.js";
import type { RoundService } from "../circles/round-service.js";
import type { CircleNotifier } from "../circles/circle-notifier.js";
import type { TeamDirectory } from "../circles/team-directory.js";
import type { MyDataService } from "../privacy/my-data.js";
import type { SupporterRosterService } from "../supporters/supporter-roster-service.js";
import type { BuddyService } from "../buddies/buddy-service.js";
import type { BuddyNotifier } from "../buddies/buddy-notifier.js";
import type { ContactBook } from "../bot/contact-book.js";
import type { ResourceLibrary } from "../resources/resource-library.js";
import type { InsightsService } from "../insights/insights-service.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import type { MeResponse } from "../../../shared/api/index.js";
import { serverMessage } from "../http/server-messages.js";

export interface ApiServices {
  store: DocumentStore;
  roles: RoleDirectory;
  requests: RequestService;
  supporters: SupporterRegistry;
  /** The bot's way of telling people about changes, so tab actions notify exactly as card actions do. */
  routing: RoutingDependencies;
  policies: ResponsePolicyStore;
  huddles: HuddleService;
  huddleHub: HuddleHub;
  /** Who has which huddle open, on every instance: the facilitator's "who is here". */
  presence: SharedPresence;
  meetings: MeetingDirectory;
  /** Posts a huddle's summary to its meeting's chat, once, for its facilitator. */
  huddleSummaries: HuddleSummaryPoster;
  templates: HuddleTemplateLibrary;
  /** The tenant's support-resource catalogue, including the crisis lines the emergency block shows. */
  resources: ResourceLibrary;
  rounds: RoundService;
  circles: CircleService;
  circleNotifier: CircleNotifier;
  /** Who is in a Teams team or chat, asked of Teams for a team's circles. */
  teams: TeamDirectory;
  myData: MyDataService;
  roster: SupporterRosterService;
  buddies: BuddyService;
  buddyNotifier: BuddyNotifier;
  /** Aggregates for admins; it holds no state between calls. */
  insights: InsightsService;
  /** How the bot reaches each person in personal chat, so a request made in the tab can be answered there. */
  contacts?: ContactBook;
  /** For the "Talk privately" deep link to the bot's chat. */
  botId?: string;
  authMode: "entra" | "dev";
}

export interface ApiRequest {
  caller: CallerIdentity;
  params: Record<string, string>;
  /** Single-valued query parameters only; repeated ones are dropped rather than guessed at. */
  query?: Readonly<Record<string, string>>;
  body: unknown;
}

export interface ApiResult {
  status?: number;
  body: unknown;
  /** A file to download (e.g. an .ics) instead of JSON; `body` is then its text. */
  download?: { contentType: string; filename: string };
}

export interface ApiRoute {
  method: "get" | "put" | "post" | "delete";
  path: string;
  /** Every route states the least role it needs (or any of several); the auth middleware enforces it. */
  role: Role | readonly Role[];
  /** Whether the route reads a JSON body, so tests know where to aim malformed input. */
  acceptsBody: boolean;
  handle(request: ApiRequest, services: ApiServices): Promise<ApiResult>;
}

const objectId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be an Entra object id");
const roleAssignmentBody = z.object({ roles: z.array(z.enum(GRANTABLE_ROLES)).max(GRANTABLE_ROLES.length) }).strict();

/** Parses input or fails with a 400 that says which field is wrong, without echoing its value. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "body";
  throw new AppError("bad_request", serverMessage("invalidField", { field, reason: issue?.message ?? "invalid" }));
}

const preferencesId = (userId: string) => `prefs-${userId}`;

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/me",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { authMode, botId }) => ({
      body: { ...caller, authMode, ...(botId ? { botId } : {}) } satisfies MeResponse,
    }),
  },
  {
    method: "get",
    path: "/api/me/preferences",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { store }) => {
      const stored = await store.get("settings", caller.tenantId, preferencesId(caller.userId));
      return { body: stored?.value ?? {} };
    },
  },
  {
    method: "put",
    path: "/api/me/preferences",
    role: "member",
    acceptsBody: true,
    handle: async ({ caller, body }, { store }) => {
      const preferences = parseInput(preferencesSchema, body) as JsonObject;
      const id = preferencesId(caller.userId);
      const existing = await store.get("settings", caller.tenantId, id);
      try {
        if (existing) await store.replace("settings", caller.tenantId, id, preferences, { ifMatch: existing.etag });
        else await store.create("settings", caller.tenantId, id, preferences);
      } catch (error) {
        if (error instanceof ConflictError) throw new AppError("conflict", serverMessage("preferencesChanged"));
        throw error;
      }
      return { body: preferences };
    },
  },
  {
    method: "get",
    path: "/api/admin/roles",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller }, { roles }) => ({ body: { assignments: await roles.list(caller.tenantId) } }),
  },
  {
    method: "put",
    path: "/api/admin/roles/:userId",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { roles }) => {
      const userId = parseInput(objectId, params.userId);
      const { roles: granted } = parseInput(roleAssignmentBody, body);
      return { body: await roles.assign(caller.tenantId, userId, granted, caller.userId) };
    },
  },
];
