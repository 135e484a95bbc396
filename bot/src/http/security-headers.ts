import helmet from "helmet";
import type { RequestHandler } from "express";

/** The hosts allowed to frame the tab: Teams and Microsoft 365 on web, desktop and mobile. */
export const TEAMS_FRAME_ANCESTORS = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://*.skype.com",
];
const LOCAL_FRAME_ANCESTORS = ["http://localhost:*", "http://127.0.0.1:*"];

export function frameAncestors(allowLocalhost: boolean): string[] {
  return ["'self'", ...TEAMS_FRAME_ANCESTORS, ...(allowLocalhost ? LOCAL_FRAME_ANCESTORS : [])];
}

/**
 * Headers for the tab's pages. X-Frame-Options cannot list several hosts, so it is off here and
 * `frame-ancestors` does that job. Fluent UI injects styles at run time, hence inline styles.
 */
export function tabPageHeaders(allowLocalhost: boolean): RequestHandler {
  return helmet({
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: frameAncestors(allowLocalhost),
      },
    },
  });
}

/** Strict headers for everything that is not a tab page: the API, health and the bot endpoint. */
export function apiHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  return (request, response, next) => {
    // Answers carry people's words and exports: no browser or proxy cache keeps them, on a shared
    // machine either. A route that may be cached (the event stream's own header) sets its own.
    response.setHeader("Cache-Control", "no-store");
    headers(request, response, next);
  };
}
