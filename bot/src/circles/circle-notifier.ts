import { botMessages } from "../bot/bot-messages.js";
import type { ContactBook } from "../bot/contact-book.js";
import type { ProactiveMessenger } from "../bot/proactive-messenger.js";
import type { Logger } from "../logger.js";
import type { CalendarLinks } from "./calendar-links.js";
import { circlePublishedCard } from "./circle-card.js";
import type { CircleDocument } from "./circle-service.js";

export interface PublishNotice {
  notified: number;
  /** Members the bot cannot reach yet because they never opened it; the admin is told the count. */
  unreachable: number;
}

/** Tells each member of newly published circles, in personal chat, where and when they meet. */
export class CircleNotifier {
  constructor(
    private readonly contacts: ContactBook,
    private readonly messenger: ProactiveMessenger,
    private readonly calendarLinks: CalendarLinks,
    private readonly logger: Logger,
    private readonly publicUrl?: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async published(tenantId: string, circles: readonly CircleDocument[]): Promise<PublishNotice> {
    const notice: PublishNotice = { notified: 0, unreachable: 0 };
    for (const circle of circles) {
      for (const member of circle.members) {
        const reference = await this.contacts.referenceOf(tenantId, member.userId);
        if (!reference) {
          notice.unreachable++;
          continue;
        }
        const calendarUrl = this.publicUrl
          ? new URL(
              `/api/calendar-links/${await this.calendarLinks.mint(tenantId, "circle", circle.id, member.userId)}`,
              this.publicUrl,
            ).toString()
          : undefined;
        const locale = typeof reference.locale === "string" ? reference.locale : undefined;
        const card = circlePublishedCard(
          botMessages(locale),
          circle,
          { userId: member.userId, ...(locale ? { locale } : {}) },
          {
            ...(calendarUrl ? { calendarUrl } : {}),
            ...(this.publicUrl ? { appUrl: new URL("/personal/home", this.publicUrl).toString() } : {}),
          },
          this.now(),
        );
        try {
          await this.messenger.sendCard(reference, card);
          notice.notified++;
        } catch (error) {
          notice.unreachable++;
          this.logger.warn({ event: "circles.notify_failed", errorName: (error as Error).name }, "circle notice not delivered");
        }
      }
    }
    return notice;
  }
}
