import { botMessages } from "../bot/bot-messages.js";
import type { ContactBook } from "../bot/contact-book.js";
import type { ProactiveMessenger } from "../bot/proactive-messenger.js";
import type { Logger } from "../logger.js";
import type { CalendarLinks } from "../circles/calendar-links.js";
import { buddyPairedCard } from "./buddy-card.js";
import type { BuddyPairingDocument } from "./buddy-documents.js";

export interface PairingNotice {
  notified: number;
  /** People the bot cannot reach yet because they never opened it; the admin is told the count. */
  unreachable: number;
}

/** Tells both people of each new pairing, in personal chat, who their buddy or newcomer is. */
export class BuddyNotifier {
  constructor(
    private readonly contacts: ContactBook,
    private readonly messenger: ProactiveMessenger,
    private readonly calendarLinks: CalendarLinks,
    private readonly logger: Logger,
    private readonly publicUrl?: string,
  ) {}

  async paired(tenantId: string, pairings: readonly BuddyPairingDocument[]): Promise<PairingNotice> {
    const notice: PairingNotice = { notified: 0, unreachable: 0 };
    for (const pairing of pairings) {
      for (const person of [pairing.newcomer, pairing.buddy]) {
        const reference = await this.contacts.referenceOf(tenantId, person.userId);
        if (!reference) {
          notice.unreachable++;
          continue;
        }
        const calendarUrl = this.publicUrl
          ? new URL(
              `/api/buddy-calendar-links/${await this.calendarLinks.mint(tenantId, "buddy-pairing", pairing.id, person.userId)}`,
              this.publicUrl,
            ).toString()
          : undefined;
        const locale = typeof reference.locale === "string" ? reference.locale : undefined;
        const card = buddyPairedCard(
          botMessages(locale),
          pairing,
          { userId: person.userId, ...(locale ? { locale } : {}) },
          {
            ...(calendarUrl ? { calendarUrl } : {}),
            ...(this.publicUrl ? { appUrl: new URL("/personal/home", this.publicUrl).toString() } : {}),
          },
        );
        try {
          await this.messenger.sendCard(reference, card);
          notice.notified++;
        } catch (error) {
          notice.unreachable++;
          this.logger.warn({ event: "buddies.notify_failed", errorName: (error as Error).name }, "buddy notice not delivered");
        }
      }
    }
    return notice;
  }
}
