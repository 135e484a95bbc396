import { Worker } from "node:worker_threads";

export interface LoadCall {
  method: string;
  path: string;
  token: string;
  body?: unknown;
}

export interface LoadAnswer {
  ms: number;
  status: number;
  retryAfter: string | null;
  body: string;
}

/**
 * Clients that loop over `calls` until stopped, on a worker thread: an in-process server's event
 * loop then carries only the server's own work, so a latency measured next to it is the server's.
 * The worker is plain JavaScript so that it needs no TypeScript loader.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, calls, clients } = workerData;
let loading = true;
const answers = [];
parentPort.once("message", () => (loading = false));
const client = async (index) => {
  for (let round = index; loading; round++) {
    const call = calls[round % calls.length];
    const started = performance.now();
    const response = await fetch(url + call.path, {
      method: call.method,
      headers: { Authorization: "Bearer " + call.token, "Content-Type": "application/json" },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const body = await response.text();
    answers.push({ ms: performance.now() - started, status: response.status, retryAfter: response.headers.get("retry-after"), body });
  }
};
Promise.all(Array.from({ length: clients }, (_, index) => client(index))).then(
  () => parentPort.postMessage({ answers }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

export function startHttpLoad(url: string, calls: LoadCall[], clients: number): { stop(): Promise<LoadAnswer[]> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, calls, clients } });
  const finished = new Promise<LoadAnswer[]>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (result: { answers?: LoadAnswer[]; error?: string }) =>
      result.error ? reject(new Error(result.error)) : resolve(result.answers!),
    );
  });
  return {
    stop: async () => {
      worker.postMessage("stop");
      try {
        return await finished;
      } finally {
        await worker.terminate();
      }
    },
  };
}
