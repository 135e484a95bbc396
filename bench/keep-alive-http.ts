import { Agent, request } from "node:http";

export interface CallResult {
  /** HTTP status, or 0 when the call failed at the socket. */
  status: number;
  /** From handing the call to node:http until the whole response body had arrived. */
  ms: number;
  body: string;
  /** The socket error's code (ECONNRESET, …) when status is 0. */
  error?: string;
}

const TIMEOUT_MS = 30_000;

/**
 * Calls on node:http with a keep-alive agent: the load generator shares two cores with the server,
 * and fetch's own cost per call would be measured as if it were the server's. Never rejects: a
 * socket error or timeout comes back as status 0, so an open-loop schedule can count it and go on.
 */
export function keepAliveClient(baseUrl: string): {
  call(method: "GET" | "POST", path: string, options?: { token?: string; body?: unknown; keepBody?: boolean }): Promise<CallResult>;
  close(): void;
} {
  // With an agent timeout set, node:http retires an idle socket a second before the server's
  // announced Keep-Alive timeout (5 s); without one it keeps it, and a call that picks the socket
  // just as the server closes it fails with ECONNRESET, a load-generator fault that browsers retry.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, timeout: TIMEOUT_MS });
  return {
    call: (method, path, { token, body, keepBody = false } = {}) =>
      new Promise((resolve) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const headers: Record<string, string | number> = {};
        if (token) headers.Authorization = `Bearer ${token}`;
        if (payload !== undefined) {
          headers["Content-Type"] = "application/json";
          headers["Content-Length"] = Buffer.byteLength(payload);
        }
        const sent = performance.now();
        let settled = false;
        const finish = (status: number, text: string, error?: Error) => {
          if (settled) return;
          settled = true;
          const code = error && ((error as NodeJS.ErrnoException).code ?? error.message);
          resolve({ status, ms: performance.now() - sent, body: text, ...(code ? { error: code } : {}) });
        };
        const outgoing = request(`${baseUrl}${path}`, { method, agent, headers, timeout: TIMEOUT_MS }, (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => {
            if (keepBody) text += chunk.toString();
          });
          response.on("end", () => finish(response.statusCode ?? 0, text));
          response.on("error", (error) => finish(0, "", error));
        });
        outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
        outgoing.on("error", (error) => finish(0, "", error));
        outgoing.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
