import { CardFactory, MessageFactory, TeamsActivityHandler, type TurnContext } from "botbuilder";
import type { Logger } from "../logger.js";
import { botMessages } from "./bot-messages.js";
import { helpCard } from "./cards/help-card.js";

export interface PeerCirclesBotOptions {
  botId?: string;
  /** The tab's public address, for links from cards; absent when running locally without one. */
  tabEndpoint?: string;
  logger: Logger;
}

const HELP_COMMANDS = new Set(["help", "hi", "hello", "start", "?"]);

/**
 * The bot's conversation. It keeps no state of its own between turns: everything lasting goes
 * through the store, so several server instances can share the load.
 */
export class PeerCirclesBot extends TeamsActivityHandler {
  constructor(private readonly options: PeerCirclesBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botWasAdded && isPersonalChat(context)) await this.sendHelp(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    // Outside a one-to-one chat the text is neither stored nor logged: only a pointer to privacy.
    if (!isPersonalChat(context)) {
      this.options.logger.info(
        { event: "bot.message.outside_personal", conversationType: context.activity.conversation.conversationType },
        "pointed to private chat",
      );
      await this.sendPrivateChatPointer(context);
      return;
    }
    const command = normaliseCommand(context.activity.text);
    this.options.logger.info({ event: "bot.message", command: HELP_COMMANDS.has(command) ? "help" : "other" }, "message received");
    // Until request intake lands, anything typed in private gets the help card, never silence.
    await this.sendHelp(context);
  }

  private async sendHelp(context: TurnContext): Promise<void> {
    const messages = botMessages(context.activity.locale);
    const resourcesUrl = this.options.tabEndpoint ? new URL("/personal/resources", this.options.tabEndpoint).toString() : undefined;
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(helpCard(messages, resourcesUrl))));
  }

  private async sendPrivateChatPointer(context: TurnContext): Promise<void> {
    const messages = botMessages(context.activity.locale);
    const botId = this.options.botId ?? context.activity.recipient.id;
    const chatLink = `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId.replace(/^28:/, ""))}`;
    await context.sendActivity(
      MessageFactory.attachment(
        CardFactory.adaptiveCard({
          type: "AdaptiveCard",
          version: "1.5",
          body: [{ type: "TextBlock", text: messages.privateChatOnly, wrap: true }],
          actions: [{ type: "Action.OpenUrl", title: messages.privateChatAction, url: chatLink }],
        }),
      ),
    );
  }
}

export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === undefined || type === "personal";
}

/** Lower-cases and strips @mentions and punctuation so "Help!" and "<at>Peer</at> help" match. */
export function normaliseCommand(text: string | undefined): string {
  return (text ?? "")
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}? ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
