import type { Request, RequestHandler, Response } from "express";
import { botMessages } from "../bot/bot-messages.js";
import { sendError } from "../http/error-responses.js";
import type { CalendarLinks } from "./calendar-links.js";
import type { CircleService } from "./circle-service.js";

/**
 * `GET /api/calendar-links/:token`: a circle's .ics for the one person the link was signed for,
 * while they are still in the circle. Every failure looks the same, so a link reveals nothing.
 */
export function calendarLinkDownload(links: CalendarLinks, circles: CircleService): RequestHandler {
  return async (request: Request, response: Response) => {
    const claims = await links.verify(String(request.params.token ?? ""));
    const circle = claims ? await circles.find(claims.tenantId, claims.circleId) : undefined;
    if (!claims || !circle || !circle.members.some((member) => member.userId === claims.userId)) {
      sendError(response, 404, "not_found", "This calendar link has expired or is no longer valid. Open Peer Circles to get a new one.");
      return;
    }
    const text = botMessages();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", 'attachment; filename="peer-circle.ics"');
    response
      .type("text/calendar; charset=utf-8")
      .send(circles.calendar(circle, { description: text.circleCalendarDescription, joinPrompt: text.circleCalendarJoinPrompt }));
  };
}
