import type { Request, RequestHandler, Response } from "express";
import { botMessages, format } from "../bot/bot-messages.js";
import { sendDeadCalendarLink } from "../circles/calendar-link-route.js";
import type { CalendarLinks } from "../circles/calendar-links.js";
import { buddyCheckInCalendar } from "./buddy-calendar.js";
import type { BuddyPairingDocument } from "./buddy-documents.js";
import type { BuddyService } from "./buddy-service.js";

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
 * `GET /api/buddy-calendar-links/:token`: the check-in .ics for the one person the link was made
 * for, while the pairing lasts. Ending the pairing revokes the link; the pairing check stays as well.
 */
export function buddyCalendarDownload(links: CalendarLinks, buddies: BuddyService, now: () => Date = () => new Date()): RequestHandler {
  return async (request: Request, response: Response) => {
    const grant = await links.open(String(request.params.token ?? ""), "buddy-pairing");
    const pairing = grant ? await buddies.findForParty(grant.tenantId, grant.subjectId, grant.userId) : undefined;
    if (!grant || !pairing) return sendDeadCalendarLink(response);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", 'attachment; filename="buddy-check-in.ics"');
    response.type("text/calendar; charset=utf-8").send(pairingCalendar(pairing, grant.userId, now()));
  };
}
