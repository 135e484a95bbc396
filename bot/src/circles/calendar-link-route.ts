import type { Request, RequestHandler, Response } from "express";
import { botMessages } from "../bot/bot-messages.js";
import { sendError } from "../http/error-responses.js";
import type { CalendarLinks } from "./calendar-links.js";
import type { CircleService } from "./circle-service.js";
import { serverMessage } from "../http/server-messages.js";

/** One answer for every dead link (unknown, expired, revoked, old format), so none reveals which. */
export function sendDeadCalendarLink(response: Response): void {
  response.setHeader("Cache-Control", "no-store");
  sendError(response, 404, "not_found", serverMessage("calendarLinkInvalid"));
}

/**
 * `GET /api/calendar-links/:token`: a circle's .ics for the one person the link was made for,
 * while they are still in the circle. Leaving revokes the link; the membership check stays as well.
 */
export function calendarLinkDownload(links: CalendarLinks, circles: CircleService): RequestHandler {
  return async (request: Request, response: Response) => {
    const grant = await links.open(String(request.params.token ?? ""), "circle");
    const circle = grant ? await circles.find(grant.tenantId, grant.subjectId) : undefined;
    if (!grant || !circle || !circle.members.some((member) => member.userId === grant.userId)) return sendDeadCalendarLink(response);
    const text = botMessages();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", 'attachment; filename="peer-circle.ics"');
    response
      .type("text/calendar; charset=utf-8")
      .send(circles.calendar(circle, { description: text.circleCalendarDescription, joinPrompt: text.circleCalendarJoinPrompt }));
  };
}
