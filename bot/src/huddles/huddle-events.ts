import type { Request, RequestHandler, Response } from "express";
import { AppError } from "../../../shared/app-error.js";
import { callerOf } from "../auth/with-client-auth.js";
import type { HuddleHub } from "./huddle-hub.js";
import type { MeetingDirectory } from "./meeting-directory.js";
import { requireMeetingParticipant } from "./huddle-routes.js";
import { huddleDocumentId, type HuddleService, type HuddleView } from "./huddle-service.js";
import { VIEWER_KEY } from "./huddle-wire.js";
import type { SharedPresence } from "./shared-presence.js";
import { serverMessage } from "../http/server-messages.js";
import { NO_TELEMETRY, type Telemetry } from "../telemetry/telemetry.js";

/** Well inside App Service's 230 s idle timeout, and most proxies' 60 s. */
export const HEARTBEAT_MS = 20_000;

/** Counts each person's open streams, so one client cannot hold the servers' sockets hostage. */
export interface StreamQuota {
  /** Reserves a stream; resolves to the release function, or undefined when the person is at the cap. */
  acquire(tenantId: string, userId: string): Promise<(() => void) | undefined>;
}

/**
 * `GET /api/huddles/:meetingId/events`: the current state at once, then every change, as
 * Server-Sent Events. Each state carries its version as the event id. A client that reconnects,
 * to this instance or any other, with or without `Last-Event-ID`, starts again from the current
 * state, which is the whole of the huddle, so nothing that happened while it was away is lost.
 */
export function huddleEvents(
  huddles: HuddleService,
  hub: HuddleHub,
  quota: StreamQuota,
  presence: SharedPresence,
  meetings: MeetingDirectory,
  telemetry: Telemetry = NO_TELEMETRY,
): RequestHandler {
  return async (request: Request, response: Response) => {
    const caller = callerOf(response);
    const meetingId = String(request.params.meetingId ?? "").slice(0, 512);
    const role = await requireMeetingParticipant(meetings, caller, meetingId);
    const release = await quota.acquire(caller.tenantId, caller.userId);
    if (!release) throw new AppError("rate_limited", serverMessage("huddleTooManyWindows"), { retryAfterSeconds: 5 });
    // Filled in as the stream opens; whatever is there when it closes is undone.
    const open: { leave?: () => void; unsubscribe?: () => void; heartbeat?: NodeJS.Timeout } = {};
    let stopped = false;
    let counted = false;
    const stop = () => {
      if (counted) telemetry.openStreams.add(-1);
      counted = false;
      stopped = true;
      clearInterval(open.heartbeat);
      open.unsubscribe?.();
      open.leave?.();
      release();
    };
    request.on("close", stop);
    // On shutdown the hub drops its listeners; ending the stream lets the server close promptly.
    response.on("close", stop);
    try {
      // The verified person is here, for every instance, before they see the first state.
      open.leave = await presence.join(caller.tenantId, caller.userId, huddleDocumentId(meetingId), caller.displayName);
    } catch (error) {
      stop();
      throw error;
    }
    if (stopped) return open.leave();
    response.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // No proxy (nginx, App Service's front ends) may hold events back to fill a buffer.
      "X-Accel-Buffering": "no",
    });
    response.write("retry: 1000\n\n");
    // No attributes: which huddle a stream watches is nobody's business outside the store.
    telemetry.openStreams.add(1);
    counted = true;
    // The state is the same for every panel; the viewer's own opaque key (and, for the meeting's
    // organiser alone, that they may take over) is told apart, once per session.
    let instance: string | undefined;
    const send = (view: HuddleView, json = JSON.stringify(view)) => {
      if (view.session.instance !== instance) {
        instance = view.session.instance;
        const viewer = { instance, key: view[VIEWER_KEY](caller.userId), ...(role === "Organizer" ? { organizer: true } : {}) };
        response.write(`event: viewer\ndata: ${JSON.stringify(viewer)}\n\n`);
      }
      response.write(`id: ${view.version}\nevent: state\ndata: ${json}\n\n`);
    };
    const current = await huddles.read(caller.tenantId, meetingId);
    if (stopped) return;
    // Someone whose verified panel is connected to a running huddle is taking part in it.
    if (current) await huddles.noteAttendance(caller.tenantId, meetingId, [caller.userId]);
    if (current) send(current);
    else response.write("event: empty\ndata: {}\n\n");
    if (stopped) return;
    open.unsubscribe = hub.subscribe(caller.tenantId, meetingId, caller.userId, send, () => response.end());
    open.heartbeat = setInterval(() => response.write(": keep-alive\n\n"), HEARTBEAT_MS);
    open.heartbeat.unref();
  };
}
