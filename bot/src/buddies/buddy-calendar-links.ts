import type { Request, RequestHandler, Response } from "express";
import { botMessages, format } from "../bot/bot-messages.js";
import type { CalendarLinks } from "../circles/calendar-links.js";
import { sendError } from "../http/error-responses.js";
import { buddyCheckInCalendar } from "./buddy-calendar.js";
import { PAIRING_ID_PATTERN, type BuddyPairingDocument } from "./buddy-documents.js";
import type { BuddyService } from "./buddy-service.js";

/**
 * Signed links to a pairing's check-in .ics, for the bot's card. They are circle calendar links
 * with a pairing id in place of the circle id: the same per-tenant key, lifetime and checks. The
 * id's prefix keeps the two apart, so a circle's link never opens a pairing and the other way round.
 */
export class BuddyCalendarLinks {
  constructor(private readonly links: CalendarLinks) {}

  sign(tenantId: string, pairingId: string, userId: string): Promise<string> {
    return this.links.sign(tenantId, pairingId, userId);
  }

  async verify(token: string): Promise<{ tenantId: string; pairingId: string; userId: string } | undefined> {
    const claims = await this.links.verify(token);
    if (!claims || typeof claims.circleId !== "string" || !PAIRING_ID_PATTERN.test(claims.circleId)) return undefined;
    if (typeof claims.userId !== "string") return undefined;
    return { tenantId: claims.tenantId, pairingId: claims.circleId, userId: claims.userId };
  }
}

/** The check-in as the reader's calendar file: named after the other person. */
export function pairingCalendar(pairing: BuddyPairingDocument, readerId: string, now: Date): string {
  const text = botMessages();
  const partner = pairing.newcomer.userId === readerId ? pairing.buddy : pairing.newcomer;
  return buddyCheckInCalendar({
    uid: `${pairing.id}-${readerId}@peer-circles`,
    summary: format(text.buddyCalendarSummary, { name: partner.displayName || text.buddyCardSomeone }),
    description: text.buddyCalendarDescription,
    start: new Date(pairing.checkIn.start),
    end: new Date(pairing.checkIn.end),
    now,
  });
}

/**
 * `GET /api/buddy-calendar-links/:token`: the check-in .ics for the one person the link was signed
 * for, while the pairing lasts. Every failure looks the same, so a link reveals nothing.
 */
export function buddyCalendarDownload(
  links: BuddyCalendarLinks,
  buddies: BuddyService,
  now: () => Date = () => new Date(),
): RequestHandler {
  return async (request: Request, response: Response) => {
    const claims = await links.verify(String(request.params.token ?? ""));
    const pairing = claims ? await buddies.findForParty(claims.tenantId, claims.pairingId, claims.userId) : undefined;
    if (!claims || !pairing) {
      sendError(response, 404, "not_found", "This calendar link has expired or is no longer valid. Open Peer Circles to get a new one.");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", 'attachment; filename="buddy-check-in.ics"');
    response.type("text/calendar; charset=utf-8").send(pairingCalendar(pairing, claims.userId, now()));
  };
}
