import type { Request, RequestHandler, Response } from "express";
import { AppError } from "../../../shared/app-error.js";
import { callerOf } from "../auth/with-client-auth.js";
import type { HuddleHub } from "./huddle-hub.js";
import type { MeetingDirectory } from "./meeting-directory.js";
import { requireMeetingParticipant } from "./huddle-routes.js";
import type { HuddleService, HuddleView } from "./huddle-service.js";
import { VIEWER_KEY } from "./huddle-wire.js";
import { serverMessage } from "../http/server-messages.js";

const HEARTBEAT_MS = 15_000;

/** Counts each person's open streams, so one client cannot hold the server's sockets hostage. */
export class StreamQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly perUser: number) {}

  /** Reserves a stream; returns the release function, or undefined when the person is at the cap. */
  acquire(tenantId: string, userId: string): (() => void) | undefined {
    const key = `${tenantId}\u0000${userId}`;
    const count = this.open.get(key) ?? 0;
    if (count >= this.perUser) return undefined;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left <= 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }
}

/**
 * `GET /api/huddles/:meetingId/events`: the current state at once, then every change, as
 * Server-Sent Events. A client that reconnects simply gets the current state again.
 */
export function huddleEvents(huddles: HuddleService, hub: HuddleHub, quota: StreamQuota, meetings: MeetingDirectory): RequestHandler {
  return async (request: Request, response: Response) => {
    const caller = callerOf(response);
    const meetingId = String(request.params.meetingId ?? "").slice(0, 512);
    await requireMeetingParticipant(meetings, caller, meetingId);
    const release = quota.acquire(caller.tenantId, caller.userId);
    if (!release)
      throw new AppError("rate_limited", serverMessage("huddleTooManyWindows"), {
        retryAfterSeconds: 5,
      });
    request.on("close", release);
    response.on("close", release);
    response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" });
    // The state is the same for every panel; the viewer's own opaque key is told apart, once per session.
    let instance: string | undefined;
    const send = (view: HuddleView, json = JSON.stringify(view)) => {
      if (view.session.instance !== instance) {
        instance = view.session.instance;
        response.write(`event: viewer\ndata: ${JSON.stringify({ instance, key: view[VIEWER_KEY](caller.userId) })}\n\n`);
      }
      response.write(`event: state\ndata: ${json}\n\n`);
    };
    const current = await huddles.read(caller.tenantId, meetingId);
    // Someone whose verified panel is connected to a running huddle is taking part in it.
    if (current) await huddles.noteAttendance(caller.tenantId, meetingId, [caller.userId]);
    if (current) send(current);
    else response.write("event: empty\ndata: {}\n\n");
    const unsubscribe = hub.subscribe(caller.tenantId, meetingId, caller.userId, send, () => response.end());
    const heartbeat = setInterval(() => response.write(": keep-alive\n\n"), HEARTBEAT_MS);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.on("close", stop);
    // On shutdown the hub drops its listeners; ending the stream lets the server close promptly.
    response.on("close", stop);
  };
}
