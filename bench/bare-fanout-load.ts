import { Agent, request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { spawnServer } from "../tests/support/server-process.js";
import { baselineServer } from "./built-server.js";
import { CallLog, fixedRate } from "./open-loop.js";

/**
 * The fan-out baseline at the 9 a.m. shape: the bare SSE broadcast server (bare-sse-broadcast.mjs:
 * no auth, no store, no huddle logic) with the same huddles, panels and open-loop rate of "next"
 * as the app gets, from the same load generator. Latency runs from sending the POST to each
 * stream receiving the state it leads to. Returns the fan-out log over the measured window.
 */
export async function bareFanOutAtNineAm(shape: {
  huddles: number;
  panels: number;
  actionsPerSecond: number;
  warmUpMs: number;
  measureMs: number;
}) {
  const server = await spawnServer({ LOG_LEVEL: "warn" }, { built: baselineServer("bare-sse-broadcast.mjs") });
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const streams: ReturnType<typeof request>[] = [];
  const log = new CallLog();
  const pending = new Map<string, { step: number; postedAt: number }>();
  const steps = new Map<string, number>();
  try {
    const meetings = Array.from({ length: shape.huddles }, (_, index) => `bare-nine-am-${index}`);
    await Promise.all(
      meetings.flatMap((meetingId) =>
        Array.from(
          { length: shape.panels },
          () =>
            new Promise<void>((resolve, reject) => {
              const stream = request(`${server.url}/api/huddles/${meetingId}/events`, { agent }, (response) => {
                let opened = false;
                let buffered = "";
                response.setEncoding("utf8");
                response.on("data", (text: string) => {
                  buffered += text;
                  for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
                    const block = buffered.slice(0, end);
                    buffered = buffered.slice(end + 2);
                    if (!opened) {
                      opened = true;
                      resolve();
                      continue;
                    }
                    const step = Number(/"stepIndex":(\d+)/.exec(block)?.[1]);
                    const waiting = pending.get(meetingId);
                    if (waiting && step === waiting.step) log.record(waiting.postedAt, performance.now() - waiting.postedAt, 200);
                  }
                });
              });
              stream.on("error", reject);
              stream.end();
              streams.push(stream);
            }),
        ),
      ),
    );
    const schedule = fixedRate(shape.actionsPerSecond, (index) => {
      const meetingId = meetings[index % meetings.length]!;
      const step = (steps.get(meetingId) ?? 0) + 1;
      steps.set(meetingId, step);
      const postedAt = performance.now();
      pending.set(meetingId, { step, postedAt });
      const post = request(`${server.url}/api/huddles/${meetingId}/actions`, { method: "POST", agent }, (response) => {
        response.resume();
        if (response.statusCode !== 200) log.fail(postedAt, `HTTP ${response.statusCode}`);
      });
      post.on("error", () => log.fail(postedAt, "socket error"));
      post.end("{}");
    });
    await sleep(shape.warmUpMs);
    const start = performance.now();
    await sleep(shape.measureMs);
    schedule.stop();
    await sleep(1_000);
    return log.window(start, start + shape.measureMs);
  } finally {
    for (const stream of streams) stream.destroy();
    agent.destroy();
    server.child.kill("SIGTERM");
    await server.exited;
  }
}
