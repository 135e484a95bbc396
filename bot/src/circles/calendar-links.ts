import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { collection } from "../storage/collection.js";
import { MAX_QUERY_LIMIT, type DocumentStore } from "../storage/document-store.js";
import { InvalidDocumentError } from "../storage/invalid-document.js";
import { ConflictError } from "../storage/store-errors.js";
import { SYSTEM_PARTITION } from "../requests/request-service.js";

export const CALENDAR_LINK_DAYS = 30;
const LINK_CONTAINER = "circles";
const ROUTE_BYTES = 16;
const KEY_BYTES = 32;
// base64url without padding: 16 bytes are 22 characters, 32 bytes are 43.
const ROUTE_LENGTH = 22;
const TOKEN = /^[A-Za-z0-9_-]{65}$/;
/** The signing key of the links that carried readable claims; removed once a tenant mints new ones. */
const RETIRED_SECRET_ID = "calendar-link-secret";
const TENANT_ROUTE_ID = "calendar-link-route";

/** What a calendar link opens: one circle's schedule, or one buddy pairing's check-in. */
export type CalendarLinkSubject = "circle" | "buddy-pairing";

/** What the server keeps for a link; the link itself carries none of it. */
export interface CalendarLinkGrant {
  tenantId: string;
  subject: CalendarLinkSubject;
  subjectId: string;
  userId: string;
}

interface CalendarLinkRecord {
  kind: "calendarLink";
  subject: CalendarLinkSubject;
  subjectId: string;
  userId: string;
  createdAt: string;
}

const recordSchema: z.ZodType<CalendarLinkRecord> = z.looseObject({
  kind: z.literal("calendarLink"),
  subject: z.enum(["circle", "buddy-pairing"]),
  subjectId: z.string(),
  userId: z.string(),
  createdAt: z.string(),
});

/** The route in two places: the tenant's own (`route`), and the way back in the service's partition (`tenantId`). */
interface TenantRoute {
  kind: "calendarLinkRoute";
  route: string;
}
interface RouteTenant {
  kind: "calendarLinkRoute";
  tenantId: string;
}

const tenantRouteSchema: z.ZodType<TenantRoute> = z.looseObject({ kind: z.literal("calendarLinkRoute"), route: z.string() });
const routeTenantSchema: z.ZodType<RouteTenant> = z.looseObject({ kind: z.literal("calendarLinkRoute"), tenantId: z.string() });

/**
 * Links to one person's .ics, for the bot's cards. A calendar app opens them without a Teams
 * sign-in, so the link is the only key: it must reveal nothing and stop working the moment the
 * person's place ends. A token is two random parts, nothing derived from anyone:
 *
 * - the tenant's route (16 bytes), the same in every link of that tenant. One point read in the
 *   service's own partition turns it into the tenant, so finding a link never scans tenants;
 * - the link's key (32 bytes). Its hash names the grant (who, what, when) in that tenant's
 *   partition, so a copy of the store holds no working link.
 *
 * Grants expire with the store's TTL and are deleted when the person leaves, is removed, the
 * pairing ends or they erase their data. The old signed links (readable base64 JSON with a MAC) do
 * not have this shape and are refused from the day this shipped, rather than left to expire: each
 * of them names a person and a circle to whoever sees it. A new card or the tab gives a new one.
 */
export class CalendarLinks {
  /** Routes never change once made, so every instance can keep them. */
  private readonly tenantsByRoute = new Map<string, string>();
  private readonly routesByTenant = new Map<string, string>();
  private readonly records;
  private readonly tenantRoutes;
  private readonly routeTenants;

  constructor(
    store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
    private readonly random: (size: number) => Buffer = randomBytes,
  ) {
    this.records = collection(store, LINK_CONTAINER, "calendarLink", recordSchema);
    this.tenantRoutes = collection(store, "settings", "calendarLinkRoute", tenantRouteSchema);
    this.routeTenants = collection(store, "settings", "calendarLinkRoute", routeTenantSchema);
  }

  async mint(tenantId: string, subject: CalendarLinkSubject, subjectId: string, userId: string): Promise<string> {
    const route = await this.routeOf(tenantId);
    const key = this.random(KEY_BYTES).toString("base64url");
    const record: CalendarLinkRecord = { kind: "calendarLink", subject, subjectId, userId, createdAt: this.now().toISOString() };
    await this.records.create(tenantId, grantId(key), record, { ttlSeconds: CALENDAR_LINK_DAYS * 86_400 });
    return `${route}${key}`;
  }

  /** The grant behind a live link of this kind; undefined for anything else, without saying why. */
  async open(token: string, subject: CalendarLinkSubject): Promise<CalendarLinkGrant | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const tenantId = await this.tenantOf(token.slice(0, ROUTE_LENGTH));
    if (!tenantId) return undefined;
    // A damaged grant is reported by the collection and opens nothing, like a link that never was.
    const stored = await this.records.get(tenantId, grantId(token.slice(ROUTE_LENGTH))).catch(orNothing);
    const record = stored?.value;
    if (!record || record.subject !== subject) return undefined;
    // The store hides expired documents, but Cosmos may purge late: the age is checked here too.
    if (Date.parse(record.createdAt) + CALENDAR_LINK_DAYS * 86_400_000 < this.now().getTime()) return undefined;
    return { tenantId, subject, subjectId: record.subjectId, userId: record.userId };
  }

  private async tenantOf(route: string): Promise<string | undefined> {
    const known = this.tenantsByRoute.get(route);
    if (known) return known;
    const tenantId = (await this.routeTenants.get(SYSTEM_PARTITION, systemRouteId(route)).catch(orNothing))?.value.tenantId;
    if (tenantId) this.tenantsByRoute.set(route, tenantId);
    return tenantId;
  }

  /** The tenant's route, made on its first link. Two instances racing agree on whichever was stored first. */
  private async routeOf(tenantId: string): Promise<string> {
    const known = this.routesByTenant.get(tenantId) ?? (await this.storedRoute(tenantId));
    if (known) return this.remember(tenantId, known);
    const route = this.random(ROUTE_BYTES).toString("base64url");
    // The way back from route to tenant is written first, so a route is never handed out unresolvable.
    await this.routeTenants.create(SYSTEM_PARTITION, systemRouteId(route), { kind: "calendarLinkRoute", tenantId });
    try {
      await this.tenantRoutes.create(tenantId, TENANT_ROUTE_ID, { kind: "calendarLinkRoute", route });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await this.routeTenants.delete(SYSTEM_PARTITION, systemRouteId(route));
      return this.remember(tenantId, (await this.storedRoute(tenantId))!);
    }
    // Nothing verifies the old signed links any more; their key goes too, so they stay dead for good.
    await this.tenantRoutes.delete(tenantId, RETIRED_SECRET_ID);
    return this.remember(tenantId, route);
  }

  private async storedRoute(tenantId: string): Promise<string | undefined> {
    return (await this.tenantRoutes.get(tenantId, TENANT_ROUTE_ID))?.value.route;
  }

  private remember(tenantId: string, route: string): string {
    this.routesByTenant.set(tenantId, route);
    this.tenantsByRoute.set(route, tenantId);
    return route;
  }
}

/** Which links to revoke: a person's, a circle's or pairing's, or one person's for one of them. */
export type CalendarLinkScope = { userId: string; subjectId?: string } | { userId?: string; subjectId: string };

/**
 * Deletes the grants in scope, so those links answer 404 from now on, even if the person comes
 * back later (they get a new link then). Stateless, so every service that ends a place can call it.
 */
export async function revokeCalendarLinks(store: DocumentStore, tenantId: string, scope: CalendarLinkScope): Promise<void> {
  // Read raw on purpose: only ids are used, and a damaged grant in scope must be deleted all the same.
  const where: Record<string, string> = { kind: "calendarLink" };
  if (scope.userId !== undefined) where.userId = scope.userId;
  if (scope.subjectId !== undefined) where.subjectId = scope.subjectId;
  for (;;) {
    const grants = await store.query(LINK_CONTAINER, tenantId, { where, limit: MAX_QUERY_LIMIT });
    for (const grant of grants) await store.delete(LINK_CONTAINER, tenantId, grant.id);
    if (grants.length < MAX_QUERY_LIMIT) return;
  }
}

function orNothing(error: unknown): undefined {
  if (error instanceof InvalidDocumentError) return undefined;
  throw error;
}

const grantId = (key: string) => `calendar-link-${createHash("sha256").update(key).digest("hex")}`;
const systemRouteId = (route: string) => `calendar-route-${route}`;
