import { Agent, request, type ClientRequest } from "node:http";
import type { keepAliveClient } from "./keep-alive-http.js";
import type { CallLog, InFlight } from "./open-loop.js";

type Client = ReturnType<typeof keepAliveClient>;

interface HuddleState {
  meetingId: string;
  steps: number;
  /** The step the huddle is on, as last told by the server (action answer or any panel's event). */
  step: number;
  direction: 1 | -1;
  /** The action waiting for its event on every panel: when it was sent, the step it leads to, who has it. */
  pending?: { postedAt: number; expectedStep: number; received: Set<number> };
}

const stepOf = (json: string): number | undefined =>
  (JSON.parse(json) as { session?: { clock?: { stepIndex?: number } } }).session?.clock?.stepIndex;

/**
 * The huddles of the 9 a.m. mix: created and started through the API by their facilitator, watched
 * by panels over Server-Sent Events, and moved on one step at a time. Each action's fan-out latency
 * runs from sending the POST to each panel receiving the matching state event.
 */
export class HuddleFleet {
  private readonly huddles: HuddleState[] = [];
  private readonly streams: ClientRequest[] = [];
  private readonly actionTimes: number[] = [];
  private readonly sseAgent = new Agent({ keepAlive: true, maxSockets: Infinity });
  private panelsPerHuddle = 0;
  private closing = false;

  constructor(
    private readonly baseUrl: string,
    private readonly client: Client,
    private readonly facilitatorToken: string,
    /** Fan-out latency per panel; a missed event or a failed action counts here as a failure. */
    readonly fanOut: CallLog,
    private readonly inFlight: InFlight,
  ) {}

  /** Creates and starts each huddle in turn, as a facilitator opening the meeting would. */
  async create(count: number, templateId: string): Promise<void> {
    for (let index = 0; index < count; index++) {
      const meetingId = `nine-am-meeting-${index}`;
      const path = `/api/huddles/${encodeURIComponent(meetingId)}`;
      const created = await this.client.call("POST", "/api/huddles", {
        token: this.facilitatorToken,
        body: { meetingId, templateId },
        keepBody: true,
      });
      const started = await this.client.call("POST", `${path}/actions`, { token: this.facilitatorToken, body: { type: "start" } });
      if (created.status !== 201 || started.status !== 200)
        throw new Error(`could not set up ${meetingId}: ${created.status}, ${started.status}`);
      const steps = (JSON.parse(created.body) as { session: { steps: unknown[] } }).session.steps.length;
      this.huddles.push({ meetingId, steps, step: 0, direction: 1 });
    }
  }

  /**
   * Opens `perHuddle` panels on every huddle, one per token in turn (or the token `tokens` names for
   * that huddle and panel), and waits for each one's first state.
   */
  async openPanels(tokens: string[] | ((huddle: number, panel: number) => string), perHuddle: number, connecting = 100): Promise<void> {
    const tokenFor = typeof tokens === "function" ? tokens : (_huddle: number, panel: number) => tokens[panel % tokens.length]!;
    this.panelsPerHuddle = perHuddle;
    const jobs = this.huddles.flatMap((huddle, index) => Array.from({ length: perHuddle }, (_, panel) => ({ huddle, index, panel })));
    // A bounded number of connections at a time, as panels open over a few seconds, not all at once.
    let next = 0;
    await Promise.all(
      Array.from({ length: connecting }, async () => {
        while (next < jobs.length) {
          const { huddle, index, panel } = jobs[next++]!;
          await this.openPanel(huddle, panel, tokenFor(index, panel));
        }
      }),
    );
  }

  /** How many actions were sent in [from, to): each should reach every panel. */
  actionsSent(from: number, to: number): number {
    return this.actionTimes.filter((at) => at >= from && at < to).length;
  }

  get openStreams(): number {
    return this.streams.length;
  }

  /**
   * The facilitator of huddle `index` moves it one step: forwards to the last step, then back to the
   * first, and so on, so a huddle can be moved for as long as the run lasts.
   */
  act(index: number): void {
    const huddle = this.huddles[index % this.huddles.length]!;
    this.settle(huddle);
    if (huddle.step >= huddle.steps - 1) huddle.direction = -1;
    if (huddle.step <= 0) huddle.direction = 1;
    const expectedStep = huddle.step + huddle.direction;
    const postedAt = performance.now();
    this.actionTimes.push(postedAt);
    huddle.pending = { postedAt, expectedStep, received: new Set() };
    const type = huddle.direction === 1 ? "next" : "previous";
    void this.inFlight
      .track(
        this.client.call("POST", `/api/huddles/${encodeURIComponent(huddle.meetingId)}/actions`, {
          token: this.facilitatorToken,
          body: { type },
          keepBody: true,
        }),
      )
      .then((answer) => {
        if (answer.status === 200) {
          huddle.step = stepOf(answer.body) ?? huddle.step;
          return;
        }
        // A refused or failed action sends no event: one failure, and no panel is waited for.
        this.fanOut.fail(postedAt, `${type} answered ${answer.status || `with socket error ${answer.error ?? ""}`}`);
        if (huddle.pending?.postedAt === postedAt) delete huddle.pending;
      });
  }

  /** Waits until every pending action has reached every panel, or the time is up. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    const waiting = () => this.huddles.some((huddle) => huddle.pending && huddle.pending.received.size < this.panelsPerHuddle);
    while (waiting() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const huddle of this.huddles) this.settle(huddle);
  }

  close(): void {
    this.closing = true;
    for (const stream of this.streams) stream.destroy();
    this.sseAgent.destroy();
  }

  /**
   * Counts every panel that has not received the pending action's event as one missed event: an
   * event still not there when the huddle's next action is due (10 s later) is as good as lost.
   */
  private settle(huddle: HuddleState): void {
    if (!huddle.pending) return;
    const missed = this.panelsPerHuddle - huddle.pending.received.size;
    if (missed > 0) this.fanOut.fail(huddle.pending.postedAt, "state event missed by a panel", missed);
    delete huddle.pending;
  }

  private openPanel(huddle: HuddleState, panel: number, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      let opened = false;
      const stream = request(
        `${this.baseUrl}/api/huddles/${encodeURIComponent(huddle.meetingId)}/events`,
        { agent: this.sseAgent, headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" } },
        (response) => {
          if (response.statusCode !== 200) {
            reject(new Error(`panel on ${huddle.meetingId} refused with ${response.statusCode}`));
            return;
          }
          let buffered = "";
          response.setEncoding("utf8");
          response.on("data", (text: string) => {
            buffered += text;
            // One event ends at a blank line; an event can arrive split over several chunks.
            for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
              const block = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              // A state event carries its version as its id first ("id: …\nevent: state"), so look at every line.
              if (!block.split("\n").includes("event: state")) continue; // keep-alive comments, viewer keys
              const at = performance.now();
              const step = stepOf(block.slice(block.indexOf("data: ") + 6));
              if (!opened) {
                opened = true;
                resolve();
                continue;
              }
              if (step !== undefined) huddle.step = step;
              const pending = huddle.pending;
              if (pending && step === pending.expectedStep && !pending.received.has(panel)) {
                pending.received.add(panel);
                this.fanOut.record(pending.postedAt, at - pending.postedAt, 200);
              }
            }
          });
          // A stream the server closes during the run is an error; its missed events count as well.
          response.on("close", () => {
            if (!this.closing && opened) this.fanOut.fail(performance.now(), "event stream closed");
          });
        },
      );
      // Once open, a failing socket also closes the response, which is where it is counted.
      stream.on("error", (error) => {
        if (!opened) reject(error);
      });
      stream.end();
      this.streams.push(stream);
    });
  }
}
