import { request as httpRequest, type ClientRequest } from "node:http";

export interface PanelState {
  version: string;
  session: { clock: { phase: string; stepIndex: number; speakers: string[] } };
}

/**
 * Test support: a meeting side panel's event stream, as the tab keeps it. It holds the latest
 * state, and when the stream is cut it connects again (through the balancer, so perhaps to
 * another instance) and starts from the current state, as `use-huddle.ts` does.
 */
export class SsePanel {
  latest: PanelState | undefined;
  /** Every version this panel was shown, in order. */
  readonly versions: string[] = [];
  connections = 0;
  cuts = 0;
  private current: ClientRequest | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly token: () => Promise<string>,
  ) {}

  /** Resolves once the first state (or "no huddle yet") has arrived. */
  async open(): Promise<void> {
    await new Promise<void>((resolve) => void this.connect(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.current?.destroy();
  }

  private async connect(onFirstEvent?: () => void): Promise<void> {
    if (this.stopped) return;
    const token = await this.token();
    let buffer = "";
    let settled = false;
    const again = () => {
      if (settled) return;
      settled = true;
      if (this.stopped) return;
      this.cuts++;
      setTimeout(() => void this.connect(onFirstEvent), 50 + Math.random() * 100);
    };
    const request = httpRequest(
      this.url,
      { headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return again();
        }
        this.connections++;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          buffer += chunk;
          let boundary = buffer.indexOf("\n\n");
          while (boundary >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === "state" && data) {
              const state = JSON.parse(data) as PanelState;
              this.latest = state;
              if (this.versions.at(-1) !== state.version) this.versions.push(state.version);
            }
            if (event === "state" || event === "empty") {
              onFirstEvent?.();
              onFirstEvent = undefined;
            }
            boundary = buffer.indexOf("\n\n");
          }
        });
        response.on("end", again);
        response.on("error", again);
        response.on("aborted", again);
      },
    );
    request.on("error", again);
    request.end();
    this.current = request;
  }
}

/** Polls a condition until it holds or the deadline passes; resolves to the milliseconds it took. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what = "condition"): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await condition()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
