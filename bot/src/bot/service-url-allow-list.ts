import type { AppConfig } from "../config.js";

/**
 * Where the Bot Framework and Teams channels live. A reply or proactive message carries the bot's
 * own access token to the activity's service URL, so that URL must be one of these, never one an
 * activity merely names. Public cloud, GCC, GCC High, DoD, and the Bot Framework's own channels.
 */
export const DEFAULT_BOT_SERVICE_URLS: readonly string[] = [
  "https://smba.trafficmanager.net/",
  "https://smba.infra.gcc.teams.microsoft.com/",
  "https://smba.infra.gov.teams.microsoft.us/",
  "https://smba.infra.dod.teams.microsoft.us/",
  "https://*.botframework.com/",
  "https://*.botframework.azure.us/",
];

interface AllowedPrefix {
  protocol: string;
  /** Exact host, or a suffix beginning with "." when the entry was a `*.` wildcard. */
  host: string;
  wildcard: boolean;
  port: string;
  path: string;
}

export interface ServiceUrlAllowList {
  /** False outside production when no list was configured: local connector stand-ins are then fine. */
  readonly enforced: boolean;
  allows(serviceUrl: unknown): boolean;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why an entry cannot be used, or undefined when it can. Checked at start-up by the configuration. */
export function serviceUrlEntryProblem(entry: string, production: boolean): string | undefined {
  const wildcard = entry.includes("://*.");
  let url: URL;
  try {
    url = new URL(wildcard ? entry.replace("://*.", "://wildcard.") : entry);
  } catch {
    return `entry "${entry}" is not a URL`;
  }
  if (url.username || url.password) return `entry "${entry}" must not carry credentials`;
  if (url.search || url.hash) return `entry "${entry}" must not carry a query or fragment`;
  const stars = entry.split("*").length - 1;
  if (stars > 1 || (stars === 1 && !wildcard))
    return `entry "${entry}" may use * only as its first host label, as in https://*.botframework.com/`;
  const httpAllowed = !production && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && httpAllowed))
    return `entry "${entry}" must use https (plain http only for a loopback stand-in outside production)`;
  // `*.net` would let anyone with a domain in: a wildcard needs at least two labels under it.
  if (wildcard && url.hostname.split(".").length < 3) return `entry "${entry}" has a wildcard too broad to trust`;
  return undefined;
}

function toPrefix(entry: string): AllowedPrefix {
  const wildcard = entry.includes("://*.");
  const url = new URL(wildcard ? entry.replace("://*.", "://wildcard.") : entry);
  const host = wildcard ? url.hostname.slice("wildcard".length) : url.hostname;
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { protocol: url.protocol, host, wildcard, port: url.port, path };
}

function matches(prefix: AllowedPrefix, url: URL): boolean {
  if (url.protocol !== prefix.protocol || url.port !== prefix.port) return false;
  const hostMatches = prefix.wildcard
    ? url.hostname.endsWith(prefix.host) && url.hostname.length > prefix.host.length
    : url.hostname === prefix.host;
  // Compared after URL parsing, so "/teams/../other/" is "/other/", and "/teamsx/" is not under "/teams/".
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return hostMatches && path.startsWith(prefix.path);
}

export function createServiceUrlAllowList(entries: readonly string[], enforced: boolean): ServiceUrlAllowList {
  const prefixes = entries.map(toPrefix);
  return {
    enforced,
    allows(serviceUrl) {
      if (!enforced) return true;
      if (typeof serviceUrl !== "string") return false;
      let url: URL;
      try {
        url = new URL(serviceUrl);
      } catch {
        return false;
      }
      if (url.username || url.password) return false;
      return prefixes.some((prefix) => matches(prefix, url));
    },
  };
}

/** The configured list, or the Bot Framework defaults in production; not enforced otherwise. */
export function configuredServiceUrls(config: Pick<AppConfig, "NODE_ENV" | "BOT_SERVICE_URLS">): {
  entries: readonly string[];
  enforced: boolean;
} {
  if (config.BOT_SERVICE_URLS.length > 0) return { entries: config.BOT_SERVICE_URLS, enforced: true };
  return { entries: DEFAULT_BOT_SERVICE_URLS, enforced: config.NODE_ENV === "production" };
}

export function serviceUrlAllowList(config: Pick<AppConfig, "NODE_ENV" | "BOT_SERVICE_URLS">): ServiceUrlAllowList {
  const { entries, enforced } = configuredServiceUrls(config);
  return createServiceUrlAllowList(entries, enforced);
}
