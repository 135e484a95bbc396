import type { Request, RequestHandler, Response } from "express";
import { AppError } from "../../../shared/app-error.js";
import { callerOf } from "../auth/with-client-auth.js";
import type { HuddleHub } from "./huddle-hub.js";
import type { HuddleService, HuddleView } from "./huddle-service.js";

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
export function huddleEvents(huddles: HuddleService, hub: HuddleHub, quota: StreamQuota): RequestHandler {
  return async (request: Request, response: Response) => {
    const caller = callerOf(response);
    const release = quota.acquire(caller.tenantId, caller.userId);
    if (!release)
      throw new AppError("rate_limited", "This huddle is already open in several windows. Close one and try again.", {
        retryAfterSeconds: 5,
      });
    request.on("close", release);
    response.on("close", release);
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
