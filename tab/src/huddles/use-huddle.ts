import { useEffect, useRef, useState } from "react";
import type { ApiClient } from "../api/api-client.js";
import type { HuddleViewResponse as HuddleView } from "../../../shared/api/index.js";
import { takePrefetched } from "./huddle-prefetch.js";
import { reconnectDelayMs } from "./reconnect-delay.js";
import { estimateServerOffset } from "./server-clock.js";

export type HuddleConnection = "connecting" | "live" | "reconnecting";

interface Viewer {
  instance: string;
  key: string;
  organizer?: boolean;
}

/**
 * The huddle of one meeting, kept current: Server-Sent Events first, re-reading the whole state
 * after every reconnect (with backoff and jitter), and reading it between attempts while streaming
 * is not possible. Also the server clock offset.
 */
export function useHuddle(api: ApiClient, meetingId: string) {
  const [view, setView] = useState<HuddleView | null>();
  const [connection, setConnection] = useState<HuddleConnection>("connecting");
  const [offsetMs, setOffsetMs] = useState(0);
  const latest = useRef<HuddleView | null | undefined>(undefined);
  // The server names people by opaque per-session keys; this is ours, per session instance, with
  // whether Teams says we organised the meeting (only then is "Take over" worth offering).
  const [viewer, setViewer] = useState<Viewer>();

  const accept = (next: HuddleView | null) => {
    if (next?.viewerKey) setViewer({ instance: next.session.instance, key: next.viewerKey, organizer: next.viewerIsOrganizer === true });
    // Out-of-order answers must not roll the state back: keep the newest version only.
    const current = latest.current;
    if (next && current && next.serverNow < current.serverNow && next.version !== current.version) return;
    latest.current = next;
    setView(next);
  };

  useEffect(() => {
    let stopped = false;
    // If the server's time cannot be read, the countdown keeps to this device's clock (offset 0).
    (takePrefetched(api, meetingId, "offset") ?? estimateServerOffset(async () => (await api.serverTime()).serverNow)).then(
      (offset) => !stopped && setOffsetMs(offset),
      () => undefined,
    );
    const controller = new AbortController();
    // The stream the shell opened while this page's chunk loaded, if any: its first event is the state.
    let prefetched = takePrefetched(api, meetingId, "events");
    const prefetchedController = prefetched?.controller;
    const run = async () => {
      let failures = 0;
      while (!stopped) {
        try {
          const opening = prefetched?.response ?? api.huddleEvents(meetingId, controller.signal);
          prefetched = undefined;
          const response = await opening;
          if (!response.ok || !response.body) throw new Error(`events ${response.status}`);
          failures = 0;
          setConnection("live");
          await readEvents(response.body, (event, data) => {
            if (event === "viewer") setViewer(JSON.parse(data) as Viewer);
            if (event === "state") accept(JSON.parse(data) as HuddleView);
            if (event === "empty") accept(null);
          });
        } catch {
          if (stopped) return;
          setConnection("reconnecting");
          // While the stream is down, keep reading the state so nobody falls behind.
          await api.huddle(meetingId).then(accept, (error: { status?: number }) => error.status === 404 && accept(null));
          // The stream starts again from the current state, on whichever instance answers.
          await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(++failures)));
        }
      }
    };
    void run();
    return () => {
      stopped = true;
      controller.abort();
      prefetchedController?.abort();
    };
    // The stream belongs to one meeting and one API client.
  }, [api, meetingId]);

  const current = view && viewer?.instance === view.session.instance ? viewer : undefined;
  return { view, viewerKey: current?.key, viewerIsOrganizer: current?.organizer === true, connection, offsetMs, accept };
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("stream ended");
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) onEvent(event, data);
      boundary = buffer.indexOf("\n\n");
    }
  }
}
