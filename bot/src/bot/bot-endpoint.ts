import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ActivityHandler,
  type Request as BotRequest,
  type Response as BotResponse,
  type TurnContext,
} from "botbuilder";
import type { IncomingHttpHeaders } from "node:http";
import type { AppConfig } from "../config.js";
import { sendError, type ErrorSink } from "../http/error-responses.js";
import type { Logger } from "../logger.js";
import { activityRefusal, isDirectLocalCall, type ActivityRefusal } from "./activity-gate.js";
import { botMessages } from "./bot-messages.js";
import type { ServiceUrlAllowList } from "./service-url-allow-list.js";
import { serverMessage } from "../http/server-messages.js";

/** Whether Bot Framework credentials are configured, which switches on botbuilder's JWT checks. */
export function hasBotCredentials(config: Pick<AppConfig, "BOT_ID" | "BOT_PASSWORD">): boolean {
  return Boolean(config.BOT_ID && config.BOT_PASSWORD);
}

export function createBotAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.BOT_ID ?? "",
    MicrosoftAppPassword: config.BOT_PASSWORD ?? "",
    MicrosoftAppType: config.BOT_TENANT_ID ? "SingleTenant" : "MultiTenant",
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? "",
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, credentials));
  adapter.onTurnError = async (context, error) => {
    // The error name only: an exception message could quote what the person wrote.
    logger.error({ event: "bot.turn_error", errorName: error.name }, "bot turn failed");
    await context.sendActivity(botMessages(context.activity.locale).turnFailed).catch(() => undefined);
  };
  return adapter;
}

export interface BotEndpointPolicy {
  /** Bot Framework credentials are set, so botbuilder checks every activity's token. */
  credentialsConfigured: boolean;
  /** Without credentials, let unauthenticated direct calls from this machine in (development identity mode only). */
  trustsLocalCalls: boolean;
  allowedTenants: readonly string[];
  serviceUrls: ServiceUrlAllowList;
}

/** What the endpoint needs of botbuilder's CloudAdapter, so tests can hand it a recording one. */
export interface ActivityProcessor {
  process(request: BotRequest, response: BotResponse, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** What the endpoint reads of Express's request. */
export interface EndpointRequest extends BotRequest {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string | undefined };
}

/** What the endpoint and botbuilder write to on Express's response. */
export interface EndpointResponse extends ErrorSink {
  socket: unknown;
  headersSent: boolean;
  status(code: number): EndpointResponse & { json(body: unknown): unknown };
  header(name: string, value: string): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

/** What the server mounts at `POST /api/messages`: botbuilder's parts stay opaque outside bot/src/bot/. */
export interface BotEndpointParts {
  adapter: CloudAdapter;
  handler: ActivityHandler;
  policy: BotEndpointPolicy;
}

/**
 * `POST /api/messages`. With credentials, botbuilder validates the Bot Framework JWT. Without them
 * only development identity mode lets anything in, and only direct calls from this machine (the
 * Agents Playground). Every authenticated activity then passes the tenant and service URL checks
 * before the bot, and so before anything is stored or sent.
 */
export function botEndpoint(
  adapter: ActivityProcessor,
  bot: Pick<ActivityHandler, "run">,
  policy: BotEndpointPolicy,
  logger: Logger,
): (request: EndpointRequest, response: EndpointResponse) => Promise<void> {
  return async (request, response) => {
    if (!policy.credentialsConfigured && !policy.trustsLocalCalls) {
      sendError(response, 403, "forbidden", serverMessage("botEndpointClosed"));
      return;
    }
    if (!policy.credentialsConfigured && !isDirectLocalCall(request.socket.remoteAddress, request.headers)) {
      sendError(response, 403, "forbidden", serverMessage("botEndpointLocalOnly"));
      return;
    }
    if (!looksLikeAnActivity(request.body)) {
      sendError(response, 400, "bad_request", serverMessage("botActivityMalformed"));
      return;
    }
    let refusal: ActivityRefusal | undefined;
    await adapter.process(
      request,
      refusableResponse(response, () => refusal),
      async (context) => {
        refusal = activityRefusal(context.activity, policy.allowedTenants, policy.serviceUrls);
        if (refusal) {
          logger.warn({ event: "bot.activity_refused", reason: refusal.code, activityType: context.activity.type }, "activity refused");
          return;
        }
        await bot.run(context);
      },
    );
  };
}

const hasStringId = (value: unknown) => typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";

/**
 * What every Bot Framework activity carries: a type, and who sent it in which conversation. Anything
 * else would reach botbuilder's parsing and answer with a 500 or its own words about middleware.
 */
function looksLikeAnActivity(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const activity = body as { type?: unknown; from?: unknown; conversation?: unknown; recipient?: unknown };
  return (
    typeof activity.type === "string" &&
    activity.type !== "" &&
    hasStringId(activity.from) &&
    hasStringId(activity.conversation) &&
    (activity.recipient === undefined || hasStringId(activity.recipient))
  );
}

/**
 * The response botbuilder writes to, except that once the activity is refused its "200" (or an
 * invoke's "501") gives way to a 403 with the refusal's code. botbuilder only ever calls these four.
 */
function refusableResponse(response: EndpointResponse, refusal: () => ActivityRefusal | undefined) {
  const passedOn = {
    socket: response.socket,
    status(code: number) {
      if (!refusal()) response.status(code);
      return passedOn;
    },
    header(name: string, value: unknown) {
      if (!refusal()) response.header(name, String(value));
      return passedOn;
    },
    send(body?: unknown) {
      if (!refusal()) response.send(body);
      return passedOn;
    },
    end() {
      const refused = refusal();
      if (!refused) response.end();
      else if (!response.headersSent) sendError(response, 403, refused.code, refused.message);
      return passedOn;
    },
  };
  return passedOn;
}
