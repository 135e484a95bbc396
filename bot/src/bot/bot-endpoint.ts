import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ActivityHandler,
} from "botbuilder";
import type { Request, RequestHandler, Response } from "express";
import type { AppConfig } from "../config.js";
import { sendError } from "../http/error-responses.js";
import type { Logger } from "../logger.js";
import { botMessages } from "./bot-messages.js";

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

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

/**
 * `POST /api/messages`. With credentials, botbuilder validates the Bot Framework JWT. Without them
 * (local runs with the Agents Playground) only loopback callers are let in.
 */
export function botEndpoint(adapter: CloudAdapter, bot: ActivityHandler, credentialsConfigured: boolean): RequestHandler {
  return async (request: Request, response: Response) => {
    if (!credentialsConfigured && !LOOPBACK_ADDRESSES.has(request.socket.remoteAddress ?? "")) {
      sendError(response, 403, "forbidden", "This bot endpoint accepts local traffic only until bot credentials are configured.");
      return;
    }
    await adapter.process(request, response, (context) => bot.run(context));
  };
}
