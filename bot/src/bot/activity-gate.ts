import type { Activity } from "botbuilder";
import type { IncomingHttpHeaders } from "node:http";
import type { ServiceUrlAllowList } from "./service-url-allow-list.js";
import { serverMessage } from "../http/server-messages.js";

export interface ActivityRefusal {
  code: "tenant_not_allowed" | "service_url_not_allowed";
  message: string;
}

/** Every tenant id an activity names, in the two places `identityOf` and the bot read it from. */
function tenantsNamed(activity: Partial<Activity>): string[] {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return [activity.conversation?.tenantId, channelTenant].filter((id): id is string => typeof id === "string" && id.length > 0);
}

/**
 * Decides, before the bot sees an authenticated activity, whether it may be handled at all. The
 * bot stores a tenant registration, a contact reference or a request on its first step, so a
 * refusal has to come before that step, not inside it.
 */
export function activityRefusal(
  activity: Partial<Activity>,
  allowedTenants: readonly string[],
  serviceUrls: ServiceUrlAllowList,
): ActivityRefusal | undefined {
  const tenants = tenantsNamed(activity);
  // Every tenant the activity names must be allowed, so a permitted one cannot carry in another.
  if (allowedTenants.length > 0 && (tenants.length === 0 || tenants.some((tenant) => !allowedTenants.includes(tenant)))) {
    return { code: "tenant_not_allowed", message: serverMessage("botTenantNotAllowed") };
  }
  if (!serviceUrls.allows(activity.serviceUrl)) {
    return { code: "service_url_not_allowed", message: serverMessage("botServiceUrlNotAllowed") };
  }
  return undefined;
}

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Headers that mean another program relayed the request: a reverse proxy, a dev tunnel or ngrok
 * (which connect from loopback themselves), or a browser page (which a developer's machine may
 * have open on any site). None of them is the local Agents Playground talking to the bot.
 */
const RELAYED_OR_BROWSER_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "via",
  "origin",
  "sec-fetch-site",
];

/**
 * Whether an unauthenticated request really started on this machine. Read from the socket, never
 * from `request.ip`, which follows X-Forwarded-For once someone turns on express's `trust proxy`.
 */
export function isDirectLocalCall(remoteAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  return LOOPBACK_ADDRESSES.has(remoteAddress ?? "") && RELAYED_OR_BROWSER_HEADERS.every((name) => headers[name] === undefined);
}
