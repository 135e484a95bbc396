import { isIP } from "node:net";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import express, { type Express, type Request, type Response } from "express";
import { ALL_API_ROUTES } from "./api/all-routes.js";
import { huddleEvents } from "./huddles/huddle-events.js";
import type { DevIdentityIssuer } from "./auth/dev-identity.js";
import { callerOf, withClientAuth } from "./auth/with-client-auth.js";
import { botEndpoint } from "./bot/bot-endpoint.js";
import type { AppConfig } from "./config.js";
import type { Services } from "./composition.js";
import { errorResponder, sendError } from "./http/error-responses.js";
import { apiHeaders, tabPageHeaders } from "./http/security-headers.js";
import type { Logger } from "./logger.js";
import { calendarLinkDownload } from "./circles/calendar-link-route.js";
import { buddyCalendarDownload } from "./buddies/buddy-calendar-links.js";
import type { DevIdentitiesResponse, DevTokenResponse } from "../../shared/api/index.js";
import { serverMessage } from "./http/server-messages.js";
import { requestTelemetry } from "./telemetry/request-telemetry.js";

export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Builds the one-origin server: bot endpoint, JSON API, health probes and the built tab. It builds
 * no services: they come composed (composition.ts), and every route is handed the same bag.
 */
export function createApp(config: AppConfig, logger: Logger, services: Services): Express {
  const { store } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(requestTelemetry(services.telemetry));
  app.use(requestLogging(logger));

  app.get("/healthz", apiHeaders(), (_request, response) => {
    response.json({ status: "ok" });
  });
  app.get("/readyz", apiHeaders(), async (_request, response) => {
    try {
      await store.ping();
      response.json({ status: "ready", store: store.kind });
    } catch {
      sendError(response, 503, "store_unavailable", serverMessage("storeNotReachable"));
    }
  });

  const json = express.json({ limit: MAX_BODY_BYTES, strict: false, type: () => true });
  app.post("/api/messages", apiHeaders(), json, botEndpoint(services.bot.adapter, services.bot.handler, services.bot.policy, logger));

  const api = express.Router();
  api.use(apiHeaders());
  if (services.devIdentity) mountDevIdentity(api, services.devIdentity);
  // Opened by calendar apps from the bot's card, without a Teams sign-in: the link's random token is the key.
  api.get("/calendar-links/:token", calendarLinkDownload(services.calendarLinks, services.circles));
  api.get("/buddy-calendar-links/:token", buddyCalendarDownload(services.calendarLinks, services.buddies));
  const rateLimiter = services.rateLimiter;
  api.get(
    "/huddles/:meetingId/events",
    withClientAuth(services.verifyToken, services.roles, "member"),
    rateLimiter.middleware(),
    huddleEvents(services.huddles, services.huddleHub, services.streamQuota, services.presence, services.meetings, services.telemetry),
  );
  for (const route of ALL_API_ROUTES) {
    const handlers = [withClientAuth(services.verifyToken, services.roles, route.role), rateLimiter.middleware()];
    if (route.acceptsBody) handlers.push(json);
    api[route.method](route.path.replace(/^\/api/, ""), ...handlers, async (request: Request, response: Response) => {
      const result = await route.handle(
        {
          caller: callerOf(response),
          params: request.params as Record<string, string>,
          query: singleValued(request.query),
          body: request.body,
        },
        services,
      );
      if (result.download) {
        response.setHeader("Content-Disposition", `attachment; filename="${result.download.filename}"`);
        response
          .status(result.status ?? 200)
          .type(result.download.contentType)
          .send(String(result.body));
        return;
      }
      response.status(result.status ?? 200).json(result.body);
    });
  }
  api.use((_request, response) => sendError(response, 404, "not_found", serverMessage("nothingHere")));
  api.use(errorResponder(logger));
  app.use("/api", api);

  mountTab(app, resolve(config.TAB_DIST_DIR), config.NODE_ENV !== "production", logger);
  app.use(errorResponder(logger));
  return app;
}

/** Query parameters that appear once; a repeated one arrives as a list and is left out. */
function singleValued(query: Request["query"]): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * A page on a domain its owner points at 127.0.0.1 (DNS rebinding) would be same-origin with this
 * server and could take a sample admin's token. Such a request names that domain in Host; the tab
 * and the Playground reach the server by localhost or an IP address.
 */
function isLocalHostHeader(host: string | undefined): boolean {
  const name = (host ?? "").replace(/:\d+$/, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || isIP(name.replace(/^\[|\]$/g, "")) !== 0;
}

function mountDevIdentity(api: express.Router, issuer: DevIdentityIssuer): void {
  api.use("/dev", (request, response, next) => {
    if (isLocalHostHeader(request.headers.host)) return next();
    sendError(response, 403, "forbidden", serverMessage("devIdentityLocalOnly"));
  });
  api.get("/dev/identities", (_request, response) => {
    response.json({
      users: issuer.users().map(({ key, displayName, roles }) => ({ key, displayName, roles })),
    } satisfies DevIdentitiesResponse);
  });
  api.get("/dev/token", async (request, response) => {
    const token = typeof request.query.user === "string" ? await issuer.issueToken(request.query.user) : undefined;
    if (!token) return sendError(response, 400, "bad_request", serverMessage("devIdentityNeeded"));
    response.setHeader("Cache-Control", "no-store");
    response.json({ token } satisfies DevTokenResponse);
  });
}

function mountTab(app: Express, distDirectory: string, allowLocalhost: boolean, logger: Logger): void {
  const indexFile = join(distDirectory, "index.html");
  if (!existsSync(indexFile)) logger.warn({ distDirectory }, "tab is not built: run `npm run build` to serve it");
  const tabHeaders = tabPageHeaders(allowLocalhost);
  app.use(tabHeaders, express.static(distDirectory, { index: false, maxAge: "1h", fallthrough: true }));
  // Every frame context is its own client-side route, so unknown paths serve the app shell.
  app.get(/^\/(?!api\/|healthz$|readyz$).*/, tabHeaders, (_request, response) => {
    if (!existsSync(indexFile)) return sendError(response, 503, "tab_not_built", serverMessage("tabNotBuilt"));
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(indexFile);
  });
}

function requestLogging(logger: Logger): express.RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // The route pattern, not the URL: URLs can carry ids that are nobody's business in logs.
      const route = (request.route as { path?: string } | undefined)?.path ?? (request.path.startsWith("/api") ? "/api/*" : "static");
      logger.debug({ method: request.method, route, status: response.statusCode, durationMs: Math.round(durationMs) }, "http");
    });
    next();
  };
}
