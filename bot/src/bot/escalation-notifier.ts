import { hasRole, requestSummaryView } from "../../../shared/index.js";
import type { RoleDirectory } from "../auth/role-directory.js";
import type { Logger } from "../logger.js";
import type { StoredHelpRequest } from "../requests/request-service.js";
import type { EscalationNotifier } from "../requests/response-sweeper.js";
import type { SupporterRegistry } from "../requests/supporter-registry.js";
import { botMessages, format } from "./bot-messages.js";
import { overdueRequestCard, urgencyLabel } from "./cards/supporter-cards.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";

/** Sends the sweeper's reminders through the bot: the same content-free card, to everyone who can help. */
export class BotEscalationNotifier implements EscalationNotifier {
  constructor(
    private readonly supporters: SupporterRegistry,
    private readonly roles: RoleDirectory,
    private readonly messenger: ProactiveMessenger,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async resendToAllSupporters(tenantId: string, request: StoredHelpRequest): Promise<void> {
    const messages = botMessages();
    // One card for everyone, so it is nobody's own view.
    const card = overdueRequestCard(messages, requestSummaryView(request, ""), this.now());
    const recipients = await this.reachable(tenantId, "supporter", request.requesterId);
    await Promise.allSettled(recipients.map((reference) => this.messenger.sendCard(reference, card)));
    this.logger.info(
      { event: "requests.overdue_resent", recipients: recipients.length, urgency: request.urgency },
      "overdue request re-sent",
    );
  }

  async notifyAdmins(tenantId: string, request: StoredHelpRequest): Promise<void> {
    const messages = botMessages();
    const text = format(messages.adminsOverdue, { code: request.referenceCode, urgency: urgencyLabel(messages, request) });
    const recipients = await this.reachable(tenantId, "admin", request.requesterId);
    await Promise.allSettled(recipients.map((reference) => this.messenger.sendText(reference, text)));
    this.logger.warn(
      { event: "requests.overdue_admins", recipients: recipients.length, urgency: request.urgency },
      "admins told of overdue request",
    );
  }

  async tellRequesterChased(request: StoredHelpRequest): Promise<void> {
    if (!request.conversationReference) return;
    await this.messenger
      .sendText(request.conversationReference, format(botMessages().chasedForRequester, { code: request.referenceCode }))
      .catch(() => undefined);
  }

  private async reachable(tenantId: string, role: "supporter" | "admin", exceptUserId: string) {
    const references = [];
    for (const contact of await this.supporters.all(tenantId)) {
      if (contact.userId === exceptUserId || !contact.conversationReference) continue;
      if (hasRole(await this.roles.rolesOf(tenantId, contact.userId), role)) references.push(contact.conversationReference);
    }
    return references;
  }
}
