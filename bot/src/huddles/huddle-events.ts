import type { Request, RequestHandler, Response } from "express";
import { callerOf } from "../auth/with-client-auth.js";
import type { HuddleHub } from "./huddle-hub.js";
import type { HuddleService, HuddleView } from "./huddle-service.js";

const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/huddles/:meetingId/events`: the current state at once, then every change, as
 * Server-Sent Events. A client that reconnects simply gets the current state again.
 */
export function huddleEvents(huddles: HuddleService, hub: HuddleHub): RequestHandler {
  return async (request: Request, response: Response) => {
    const caller = callerOf(response);
    const meetingId = String(request.params.meetingId ?? "").slice(0, 512);
    response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" });
    const send = (view: HuddleView, json = JSON.stringify(view)) => response.write(`event: state\ndata: ${json}\n\n`);
    const current = await huddles.read(caller.tenantId, meetingId);
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
