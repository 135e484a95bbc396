import { CardFactory, MessageFactory, TurnContext } from "botbuilder";
import { hasRole, requestSummaryView } from "../../../shared/index.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { RequestService } from "../requests/request-service.js";
import type { SupporterRegistry } from "../requests/supporter-registry.js";
import type { SupportersChannel } from "../requests/supporters-channel.js";
import type { JsonObject } from "../storage/document-store.js";
import { identityOf, normaliseCommand } from "./activity-identity.js";
import { botMessages } from "./bot-messages.js";
import { queueCard } from "./cards/supporter-cards.js";

const SUPPORTER_COMMANDS = new Set(["on duty", "off duty", "queue", "list me", "unlist me"]);

interface SupporterCommandDependencies {
  roles: RoleDirectory;
  supporters: SupporterRegistry;
  requests: RequestService;
  supportersChannel?: SupportersChannel;
  now: () => Date;
}

const referenceOf = (context: TurnContext) =>
  JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as JsonObject;

/** Supporter commands, and remembering how to reach a supporter. Returns true when it answered. */
export async function handleSupporterCommand(context: TurnContext, command: string, deps: SupporterCommandDependencies): Promise<boolean> {
  const identity = identityOf(context.activity);
  const messages = botMessages(context.activity.locale);
  if (!identity) return false;
  const roles = await deps.roles.rolesOf(identity.tenantId, identity.userId);
  const isSupporter = hasRole(roles, "supporter");
  const reference = referenceOf(context);
  if (!isSupporter) {
    // Admins are reached when a response target is missed, so the bot keeps their address too.
    if (hasRole(roles, "admin") && !(await deps.supporters.get(identity.tenantId, identity.userId))?.conversationReference) {
      await deps.supporters.remember(identity.tenantId, identity.userId, reference);
    }
    if (!SUPPORTER_COMMANDS.has(command)) return false;
    await context.sendActivity(messages.supporterOnly);
    return true;
  }
  if (!(await deps.supporters.get(identity.tenantId, identity.userId))?.conversationReference) {
    await deps.supporters.remember(identity.tenantId, identity.userId, reference);
  }
  if (command === "list me" || command === "unlist me") {
    await deps.supporters.setListed(identity.tenantId, identity.userId, command === "list me", context.activity.from.name);
    await context.sendActivity(command === "list me" ? messages.listedConfirmed : messages.unlistedConfirmed);
    return true;
  }
  if (command === "on duty" || command === "off duty") {
    await deps.supporters.setOnDuty(identity.tenantId, identity.userId, command === "on duty", reference);
    await context.sendActivity(command === "on duty" ? messages.onDutyConfirmed : messages.offDutyConfirmed);
    return true;
  }
  if (command !== "queue") return false;
  // One bounded page, most urgent first: a card cannot hold a long queue, and the tab pages through it.
  const open = (await deps.requests.activeRequests(identity.tenantId)).requests.filter((request) => request.status === "open");
  await context.sendActivity(
    MessageFactory.attachment(
      CardFactory.adaptiveCard(
        queueCard(
          messages,
          open.filter((request) => request.requesterId !== identity.userId).map((request) => requestSummaryView(request, identity.userId)),
          deps.now(),
          context.activity.locale,
        ),
      ),
    ),
  );
  return true;
}

/** `set supporters channel`, said by an admin in a team channel, makes that channel get every new request card. */
export async function setSupportersChannel(
  context: TurnContext,
  text: string,
  deps: Pick<SupporterCommandDependencies, "roles" | "supportersChannel">,
): Promise<boolean> {
  if (normaliseCommand(text) !== "set supporters channel" || context.activity.conversation.conversationType !== "channel") return false;
  const identity = identityOf(context.activity);
  const messages = botMessages(context.activity.locale);
  if (!identity || !deps.supportersChannel || !hasRole(await deps.roles.rolesOf(identity.tenantId, identity.userId), "admin")) {
    await context.sendActivity(messages.adminOnly);
    return true;
  }
  const reference = referenceOf(context);
  await deps.supportersChannel.set(identity.tenantId, reference, identity.userId);
  await context.sendActivity(messages.supportersChannelSet);
  return true;
}
