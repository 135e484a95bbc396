import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express from "express";

/**
 * The baseline: a bare botbuilder echo bot on the same CloudAdapter and express, with no store, no
 * screening and no auth checks of our own.
 */
export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "" }));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  const app = express();
  app.post("/api/messages", express.json(), (request, response) => adapter.process(request, response, (context) => bot.run(context)));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
