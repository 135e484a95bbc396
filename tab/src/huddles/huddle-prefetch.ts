import type { MeResponse } from "../../../shared/api/index.js";
import type { ApiClient } from "../api/api-client.js";
import type { Session } from "../session.js";
import { estimateServerOffset } from "./server-clock.js";

export function meetingIdOf(session: Session): string | undefined {
  return session.context.meetingId ?? new URLSearchParams(location.search).get("meeting") ?? undefined;
}

interface Prefetched {
  api: ApiClient;
  meetingId: string;
  me?: Promise<MeResponse>;
  events?: { response: Promise<Response>; controller: AbortController };
  offset?: Promise<number>;
}

let prefetched: Prefetched | undefined;

/** Kept from being reported as unhandled: whoever takes the promise sees the failure itself. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The meeting surfaces' first requests (who the viewer is, the huddle's event stream, whose first
 * event is the current state, and the clock offset) go out as soon as the session has started,
 * while the page's chunk is still downloading, instead of after the page has rendered.
 */
export function prefetchHuddle(session: Session): void {
  const meetingId = meetingIdOf(session);
  if (!meetingId) return;
  const { api } = session;
  const controller = new AbortController();
  const response = quiet(api.huddleEvents(meetingId, controller.signal));
  prefetched = {
    api,
    meetingId,
    me: quiet(api.me()),
    events: { response, controller },
    // Its round trips come after the state's, which is what the panel shows first.
    offset: quiet(
      response.then(
        () => estimateServerOffset(async () => (await api.serverTime()).serverNow),
        () => estimateServerOffset(async () => (await api.serverTime()).serverNow),
      ),
    ),
  };
}

/**
 * A prefetched answer, for the first view of the same client and meeting that asks; it is handed
 * out once, so a reload or a second view asks the server afresh.
 */
export function takePrefetched<K extends "me" | "events" | "offset">(api: ApiClient, meetingId: string, key: K): Prefetched[K] | undefined {
  if (prefetched?.api !== api || prefetched.meetingId !== meetingId) return undefined;
  const value = prefetched[key];
  delete prefetched[key];
  return value;
}
