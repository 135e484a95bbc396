import { RoleDirectory } from "../auth/role-directory.js";
import type { Logger } from "../logger.js";
import { RequestService } from "../requests/request-service.js";
import { SupporterRegistry } from "../requests/supporter-registry.js";
import { SupportersChannel } from "../requests/supporters-channel.js";
import type { DocumentStore } from "../storage/document-store.js";
import { PeerCirclesBot } from "./peer-circles-bot.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";

/** For turn tests: the bot wired as the server wires it, over the given store, with no roster or contacts. */
export function testBot(store: DocumentStore, messenger: ProactiveMessenger, logger: Logger): PeerCirclesBot {
  return new PeerCirclesBot({
    logger,
    botId: "bot-app-id",
    tabEndpoint: "https://peer.example.com",
    requests: new RequestService(store),
    supporters: new SupporterRegistry(store),
    roles: new RoleDirectory(store, []),
    messenger,
    supportersChannel: new SupportersChannel(store),
  });
}
